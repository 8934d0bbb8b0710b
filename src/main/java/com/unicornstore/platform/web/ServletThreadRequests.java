package com.unicornstore.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Camel's REST routes run on the servlet container's request thread, start to end.
 *
 * <p>Camel's Spring Boot platform-http consumer answers a request with a {@link CompletableFuture}
 * run on a task executor (Spring Boot's {@code applicationTaskExecutor}: 8 threads, an unbounded
 * queue), which Spring MVC treats as an async request: the request thread hands the exchange over,
 * and when it ends the request is dispatched a second time through the container, the security
 * filter chain and the dispatcher servlet only to find it already answered. Every request paid the
 * hand-off and the second dispatch (the CPU benchmark's profile), and no more than 8 requests ran at
 * once whatever the container's threads.
 *
 * <p>Here the engine's consumers get {@link #INLINE}, so the future is complete when the handler
 * returns it, and {@link CompletedFutures} ends the request at once (a failure is rethrown to the
 * exception resolvers, as the async dispatch did). The container's request threads
 * ({@code server.tomcat.threads.max}) bound how many run at once.
 */
public final class ServletThreadRequests implements SmartInitializingSingleton {

    /** Runs the consumer's work in the calling (request) thread. */
    public static final Executor INLINE = Runnable::run;

    private final RequestMappingHandlerAdapter adapter;

    public ServletThreadRequests(RequestMappingHandlerAdapter adapter) {
        this.adapter = adapter;
    }

    /** Puts {@link CompletedFutures} before Spring MVC's handlers, which would start async processing. */
    @Override
    public void afterSingletonsInstantiated() {
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
        handlers.add(new CompletedFutures());
        handlers.addAll(adapter.getReturnValueHandlers());
        adapter.setReturnValueHandlers(handlers);
    }

    /** The platform-http consumer's completed future: the response is written; a failure is rethrown. */
    public static final class CompletedFutures implements HandlerMethodReturnValueHandler {

        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            return SpringBootPlatformHttpConsumer.class.isAssignableFrom(returnType.getContainingClass())
                    && CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
        }

        @Override
        public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
                NativeWebRequest request) throws Exception {
            try {
                ((CompletableFuture<?>) returnValue).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
            container.setRequestHandled(true);
        }
    }
}
