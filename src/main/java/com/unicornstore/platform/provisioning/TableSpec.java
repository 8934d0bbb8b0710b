package com.unicornstore.platform.provisioning;

/**
 * The shape of one DynamoDB table, contributed as a bean by the context that owns it. The local
 * profile creates tables from these; in AWS the infrastructure code in infra/ does.
 */
public record TableSpec(String name, Key partitionKey, Key sortKey, boolean stream) {

    /** A key attribute: its name and DynamoDB scalar type ("S" or "N"). */
    public record Key(String name, String type) {
        public static Key string(String name) {
            return new Key(name, "S");
        }

        public static Key number(String name) {
            return new Key(name, "N");
        }
    }

    public static TableSpec of(String name, Key partitionKey) {
        return new TableSpec(name, partitionKey, null, false);
    }

    public TableSpec sortedBy(Key key) {
        return new TableSpec(name, partitionKey, key, stream);
    }

    public TableSpec withStream() {
        return new TableSpec(name, partitionKey, sortKey, true);
    }
}
