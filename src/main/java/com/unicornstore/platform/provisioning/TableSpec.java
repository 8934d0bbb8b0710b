package com.unicornstore.platform.provisioning;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one DynamoDB table, contributed as a bean by the context that owns it. The local
 * profile creates tables from these; in AWS the infrastructure code in infra/ does.
 */
public record TableSpec(String name, Key partitionKey, Key sortKey, boolean stream, List<Index> indexes,
        String ttlAttribute) {

    public TableSpec {
        indexes = List.copyOf(indexes);
    }

    /** A key attribute: its name and DynamoDB scalar type ("S" or "N"). */
    public record Key(String name, String type) {
        public static Key string(String name) {
            return new Key(name, "S");
        }

        public static Key number(String name) {
            return new Key(name, "N");
        }
    }

    /** A global secondary index projecting every attribute; sparse when its keys are only on some items. */
    public record Index(String name, Key partitionKey, Key sortKey) {}

    public static TableSpec of(String name, Key partitionKey) {
        return new TableSpec(name, partitionKey, null, false, List.of(), null);
    }

    public TableSpec sortedBy(Key key) {
        return new TableSpec(name, partitionKey, key, stream, indexes, ttlAttribute);
    }

    public TableSpec withStream() {
        return new TableSpec(name, partitionKey, sortKey, true, indexes, ttlAttribute);
    }

    public TableSpec withIndex(Index index) {
        List<Index> more = new ArrayList<>(indexes);
        more.add(index);
        return new TableSpec(name, partitionKey, sortKey, stream, more, ttlAttribute);
    }

    /** Items whose {@code attribute} (epoch seconds) has passed are deleted by DynamoDB's TTL. */
    public TableSpec expiringBy(String attribute) {
        return new TableSpec(name, partitionKey, sortKey, stream, indexes, attribute);
    }
}
