package com.unicornstore.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Puts a {@link LossyDynamoProxy} between the application under test and the shared moto. Register
 * it after {@link PlatformIntegrationTest}: it starts the proxy (losing nothing yet) before the
 * application starts, and closes it, pointing later test classes at moto again, only once the
 * class is done and its application closed. Test methods get the proxy as a parameter.
 */
public final class LossyDynamoExtension implements BeforeAllCallback, ParameterResolver {

    private static final long SEED = 20261201L;

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalBackendsExtension.Backends backends = LocalBackendsExtension.shared(context);
        LossyDynamoProxy proxy = LossyDynamoProxy.start(backends.dynamodb(), SEED);
        context.getStore(ExtensionContext.Namespace.create(LossyDynamoExtension.class))
                .put(LossyDynamoProxy.class, (ExtensionContext.Store.CloseableResource) () -> {
                    proxy.close();
                    LocalBackendsExtension.pointApplicationAt(backends);
                });
        context.getStore(ExtensionContext.Namespace.create(LossyDynamoExtension.class)).put("proxy", proxy);
        System.setProperty("unicorn.aws.dynamodb-endpoint", proxy.endpoint().toString());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LossyDynamoProxy.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(LossyDynamoExtension.class))
                .get("proxy", LossyDynamoProxy.class);
    }
}
