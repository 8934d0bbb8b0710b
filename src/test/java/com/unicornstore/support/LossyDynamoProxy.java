package com.unicornstore.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 proxy in front of DynamoDB that loses replies: for a share of PutItem and
 * UpdateItem calls it forwards the request, waits for the whole answer, then closes the client's
 * connection without passing the answer on. The write has happened; the SDK sees a dropped
 * connection and sends the same request again, as it would after a network fault in production.
 * Which calls lose their reply is drawn from a seeded {@link Random}.
 */
public final class LossyDynamoProxy implements Closeable {

    private static final Set<String> LOSSY_TARGETS = Set.of("DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem");

    private final ServerSocket server;
    private final URI upstream;
    private final Random random;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lossy-dynamo-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> dropped = new ConcurrentHashMap<>();
    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private volatile double dropShare;

    private LossyDynamoProxy(URI upstream, long seed) throws IOException {
        this.upstream = upstream;
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    /** Starts a proxy on a free loopback port that forwards to {@code upstream}, losing no reply until told to. */
    public static LossyDynamoProxy start(URI upstream, long seed) {
        try {
            return new LossyDynamoProxy(upstream, seed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy's port", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on, the share (0 to 1) of PutItem and UpdateItem replies that are lost. */
    public void loseReplies(double share) {
        this.dropShare = share;
    }

    /** Loses the reply to the next PutItem or UpdateItem whose body contains {@code marker} (e.g. an id), once. */
    public void loseNextReplyTo(String marker) {
        loseNextRepliesTo(1, marker);
    }

    /** Loses the replies to the next {@code times} PutItem or UpdateItem calls whose body contains all of {@code markers}. */
    public void loseNextRepliesTo(int times, String... markers) {
        armed.add(new Armed(List.of(markers), new AtomicInteger(times), false));
    }

    /**
     * Stalls the next {@code times} PutItem or UpdateItem calls whose body contains all of
     * {@code markers}: they are not forwarded and never answered, as by a backend that stopped; the
     * client's own timeout ends them.
     */
    public void stallNextRequestsTo(int times, String... markers) {
        armed.add(new Armed(List.of(markers), new AtomicInteger(times), true));
    }

    /** Replies still to lose (or requests to stall) for the writes that contain all of {@code markers}. */
    private record Armed(List<String> markers, AtomicInteger left, boolean stall) {
        boolean takes(String body) {
            return markers.stream().allMatch(body::contains) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    /** Requests forwarded so far, lost replies included. */
    public int requests() {
        return requests.get();
    }

    /** Replies lost so far, by X-Amz-Target. */
    public Map<String, Integer> dropped() {
        Map<String, Integer> copy = new TreeMap<>();
        dropped.forEach((target, count) -> copy.put(target, count.get()));
        return copy;
    }

    public int droppedTotal() {
        return dropped.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One client connection, kept alive over many requests as the SDK does; its own upstream connection. */
    private void serve(Socket client) {
        Socket moto = null;
        try (client) {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            while (true) {
                Message request = Message.read(fromClient);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                Armed arm = armedFor(request);
                if (arm != null && arm.stall()) {
                    fromClient.transferTo(OutputStream.nullOutputStream()); // until the client gives up
                    return;
                }
                if (moto == null || moto.isClosed()) {
                    moto = new Socket(upstream.getHost(), upstream.getPort());
                }
                moto.getOutputStream().write(request.bytes());
                moto.getOutputStream().flush();
                Message response = Message.read(moto.getInputStream());
                if (response == null) {
                    return; // upstream went away: so does the client's connection
                }
                String target = request.header("x-amz-target");
                if (arm != null || target != null && LOSSY_TARGETS.contains(target) && draw()) {
                    dropped.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
                    return; // the write happened; its answer is lost with the connection
                }
                toClient.write(response.bytes());
                toClient.flush();
                if ("close".equalsIgnoreCase(response.header("connection"))) {
                    moto.close();
                }
            }
        } catch (IOException connectionGone) {
            // the client or moto closed its side: nothing more to forward
        } finally {
            closeQuietly(moto);
        }
    }

    private Armed armedFor(Message request) {
        String target = request.header("x-amz-target");
        if (armed.isEmpty() || target == null || !LOSSY_TARGETS.contains(target)) {
            return null;
        }
        String text = new String(request.bytes(), StandardCharsets.UTF_8);
        armed.removeIf(arm -> arm.left().get() == 0);
        return armed.stream().filter(arm -> arm.takes(text)).findFirst().orElse(null);
    }

    private boolean draw() {
        synchronized (random) {
            return random.nextDouble() < dropShare;
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /** An HTTP/1.1 message as raw bytes (head and body), with its headers by lower-case name. */
    private record Message(byte[] bytes, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }

        /** Reads one message: the head up to the blank line, then Content-Length bytes or a chunked body; null at end of stream. */
        static Message read(InputStream in) throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            String head = readHead(in, raw);
            if (head == null) {
                return null;
            }
            Map<String, String> headers = new TreeMap<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                copyChunks(in, raw);
            } else if (headers.containsKey("content-length")) {
                raw.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new Message(raw.toByteArray(), headers);
        }

        private static String readHead(InputStream in, ByteArrayOutputStream raw) throws IOException {
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) != -1) {
                raw.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return matched == 4 ? raw.toString(StandardCharsets.ISO_8859_1) : null;
        }

        private static void copyChunks(InputStream in, ByteArrayOutputStream raw) throws IOException {
            while (true) {
                String sizeLine = readLine(in, raw);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in, raw).isEmpty()) {
                        // trailers, up to the blank line
                    }
                    return;
                }
                raw.write(in.readNBytes(size));
                readLine(in, raw);
            }
        }

        private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                raw.write(b);
                if (b == '\n') {
                    break;
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (b == -1) {
                throw new IOException("connection closed inside a chunked body");
            }
            return line.toString();
        }
    }
}
