package com.unicornstore.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.List;
import java.util.Map;

/** Runs a chain once per entry of seeded data (a product, a shopper), the entry's fields as session attributes. */
final class Entries {

    private Entries() {}

    static ChainBuilder each(List<Map<String, Object>> entries, ChainBuilder chain) {
        return foreach(entries, "entry").on(exec(session -> session.setAll(session.getMap("entry"))).exec(chain));
    }
}
