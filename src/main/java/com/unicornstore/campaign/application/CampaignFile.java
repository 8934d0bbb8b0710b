package com.unicornstore.campaign.application;

import java.io.IOException;

/** A campaign document kept as a file (campaign-rules/*.json): its name, and how to read it. */
public record CampaignFile(String name, Content content) {

    /** Reads the file's text; a file that cannot be read fails alone. */
    @FunctionalInterface
    public interface Content {
        String read() throws IOException;
    }
}
