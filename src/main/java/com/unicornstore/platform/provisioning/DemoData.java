package com.unicornstore.platform.provisioning;

/** Demo data a context loads in the local profile, after its tables exist. Must not overwrite existing data. */
public interface DemoData {

    void load();
}
