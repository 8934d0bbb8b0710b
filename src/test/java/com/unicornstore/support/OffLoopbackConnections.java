package com.unicornstore.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tests only: a JVM-wide {@link ProxySelector} that records every connection opened through
 * java.net to a host off loopback (such as a look-up of EC2 instance metadata) and lets it go direct.
 */
public final class OffLoopbackConnections extends ProxySelector {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ProxySelector previous;

    private OffLoopbackConnections(ProxySelector previous) {
        this.previous = previous;
    }

    /** Installs the recorder until {@link #uninstall}. */
    public static OffLoopbackConnections install() {
        OffLoopbackConnections recorder = new OffLoopbackConnections(ProxySelector.getDefault());
        ProxySelector.setDefault(recorder);
        return recorder;
    }

    public void uninstall() {
        ProxySelector.setDefault(previous);
    }

    /** The addresses off loopback asked for so far. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (!isLoopback(uri.getHost())) {
            seen.add(uri.toString());
        }
        return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    }

    public static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
