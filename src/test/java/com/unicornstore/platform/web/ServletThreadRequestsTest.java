package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.support.ModelAndViewContainer;

class ServletThreadRequestsTest {

    private final ServletThreadRequests.CompletedFutures handler = new ServletThreadRequests.CompletedFutures();

    @Test
    void the_inline_executor_runs_the_work_in_the_calling_thread_so_the_future_is_done_when_returned() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        CompletableFuture<Void> future = CompletableFuture.runAsync(() -> ran.set(Thread.currentThread()),
                ServletThreadRequests.INLINE);
        assertThat(future).isDone();
        assertThat(ran.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void a_completed_future_ends_the_request_as_handled() throws Exception {
        ModelAndViewContainer container = new ModelAndViewContainer();
        handler.handleReturnValue(CompletableFuture.completedFuture(null), null, container, null);
        assertThat(container.isRequestHandled()).isTrue();
    }

    @Test
    void a_failed_future_rethrows_its_cause_for_the_exception_resolvers_and_is_not_handled() {
        ModelAndViewContainer container = new ModelAndViewContainer();
        IllegalStateException failure = new IllegalStateException("route failed");
        assertThatThrownBy(() -> handler.handleReturnValue(CompletableFuture.runAsync(() -> {
            throw failure;
        }, ServletThreadRequests.INLINE), null, container, null)).isSameAs(failure);
        assertThat(container.isRequestHandled()).isFalse();
    }
}
