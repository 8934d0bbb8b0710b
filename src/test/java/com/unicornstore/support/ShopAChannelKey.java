package com.unicornstore.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The keys of an HTTP channel's test: the demo key (which holds no channel scope) and
 * {@code shop-a-key}, client {@code shop-a}, holding only {@code channel:shop-a}. A list from a test's
 * properties replaces the local profile's, so the demo key is listed again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "unicorn.security.api-keys[0].client-id=local-demo",
        "unicorn.security.api-keys[0].sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b",
        "unicorn.security.api-keys[0].scopes=points:read,points:write,purchases:write,purchases:refund,operator",
        "unicorn.security.api-keys[1].client-id=shop-a",
        // SHA-256 of "shop-a-key"
        "unicorn.security.api-keys[1].sha256=097e1d89aa4434201be0f030293da4e91181fffa5bb1a244d7d6c4f28b675589",
        "unicorn.security.api-keys[1].scopes=channel:shop-a"})
public @interface ShopAChannelKey {}
