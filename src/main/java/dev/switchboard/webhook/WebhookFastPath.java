package dev.switchboard.webhook;

import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.ErrorHandlers;
import dev.switchboard.http.Json;
import dev.switchboard.http.RequestIds;
import dev.switchboard.http.SecurityHeaders;
import dev.switchboard.ops.Threads;
import dev.switchboard.tenant.TenantDirectory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The common case of {@code POST /webhooks/vapi/{client_id}}, without the servlet layer and without a thread
 * waiting for the commit. This Jetty handler sits in front of Javalin and declares itself non-blocking, so Jetty
 * runs it on the thread that read the request:
 * <ul>
 *   <li><b>In line:</b> a webhook whose whole body came with its headers, for a tenant whose settings are in
 *       memory, is checked there ({@link WebhookRoutes#checkQuietly}) and handed to the writer. Nothing here
 *       blocks: no database read, no waiting for more bytes.</li>
 *   <li><b>On a pool thread:</b> any other webhook POST with a declared length within the limit: the rest of the
 *       body is read, the same checks run (reading the tenant from the database if need be), and it is handed to
 *       the writer the same way.</li>
 *   <li><b>Javalin:</b> everything else, on a pool thread, where handlers may block: other methods and paths,
 *       bodies without a declared length or over the limit, and every delivery the checks reject (unknown tenant,
 *       failed authentication, malformed message) or that is a test delivery. The route stays the one place that
 *       defines those answers; the part of the body read here is handed on as if unread, and a rejection costs a
 *       second parse (rejections are rare).</li>
 * </ul>
 * After each commit, one acknowledging thread writes the 2xx of every delivery in the batch, with the headers the
 * route would have sent, and then waits for each connection's next request itself ({@link #threadPool}).
 * Why: at thousands of webhooks a second, a request thread handed each webhook by Jetty, parked until its commit
 * and woken again took more CPU (context switches cost tens of microseconds each on a VM, plus the servlet layer)
 * than storing the webhook did (README, Performance).
 */
public final class WebhookFastPath extends Handler.Wrapper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookFastPath.class);
    private static final String PREFIX = "/webhooks/vapi/";
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField HSTS = new PreEncodedHttpField("Strict-Transport-Security", SecurityHeaders.HSTS);
    private static final List<HttpField> SECURITY = SecurityHeaders.ALWAYS.stream()
            .<HttpField>map(h -> new PreEncodedHttpField(h.getKey(), h.getValue())).toList();

    private final WebhookRoutes routes;
    private final TenantDirectory tenants;
    private final ExecutorService acks = Executors.newSingleThreadExecutor(r -> {
        Thread t = Threads.daemon(r, "webhook-acks");
        ackThread = t;
        return t;
    });
    private volatile Thread ackThread;
    /** The ack thread is resuming a connection in place (ack thread only). */
    private boolean resuming;
    /** Connections the ack thread resumed in place (written by it only). */
    private volatile long resumedInPlace;

    public WebhookFastPath(WebhookRoutes routes, TenantDirectory tenants) {
        this.routes = routes;
        this.tenants = tenants;
    }

    /** Non-blocking: Jetty calls {@link #handle} on the thread that read the request, without a hand-off. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String clientId = clientId(request);
        long length = request.getLength();
        if (clientId == null || length <= 0 || length > routes.maxBytes()) {
            pooled(() -> javalin(request, response, callback));
            return true;
        }
        Content.Chunk first = request.read();
        if (first == null || first.remaining() != length || !tenants.inMemory(clientId)) {
            Request rest = first == null ? request : new Replay(request, first);
            pooled(() -> readAndStore(clientId, (int) length, rest, response, callback));
            return true;
        }
        byte[] body = new byte[(int) length];
        first.get(body, 0, body.length);
        first.release();
        storeOrPass(clientId, body, request, response, callback);
        return true;
    }

    /** On a pool thread: the rest of the body, then the same as in line. */
    private void readAndStore(String clientId, int length, Request request, Response response, Callback callback) {
        byte[] body = new byte[length];
        int read;
        try {
            read = Content.Source.asInputStream(request).readNBytes(body, 0, length);
        } catch (IOException | RuntimeException e) {
            callback.failed(e); // the connection broke while the body was arriving; nobody is left to answer
            return;
        }
        if (read < length) {
            javalin(new Replay(request, Content.Chunk.from(ByteBuffer.wrap(body, 0, read), true)), response, callback);
        } else {
            storeOrPass(clientId, body, request, response, callback);
        }
    }

    private void storeOrPass(String clientId, byte[] body, Request request, Response response, Callback callback) {
        WebhookRoutes.Checked ok = routes.checkQuietly(clientId, request.getHeaders()::get, body);
        if (ok == null || ok.isTest()) {
            pooled(() -> javalin(new Replay(request, Content.Chunk.from(ByteBuffer.wrap(body), true)), response, callback));
            return;
        }
        String requestId = RequestIds.idFor(request.getHeaders().get(RequestIds.HEADER));
        routes.store(ok).whenCompleteAsync((outcome, failure) -> {
            try {
                if (failure == null) {
                    answer(request, response, callback, requestId, 200, routes.stored(ok, outcome));
                    if (log.isDebugEnabled()) {
                        // What Javalin's request log says of the requests it serves.
                        log.debug("POST {} -> 200 in {} ms (request {})", request.getHttpURI().getPath(),
                                (System.nanoTime() - ok.startNanos()) / 1_000_000, requestId);
                    }
                } else {
                    fail(request, response, callback, requestId, failure instanceof CompletionException c ? c.getCause() : failure);
                }
            } catch (RuntimeException e) {
                callback.failed(e);
            }
        }, acks);
    }

    /**
     * The server's thread pool (Javalin's default sizes), which lets the ack thread resume its own connections.
     * A response completed after the handler returned makes Jetty hand its connection to the pool to look for
     * the next request: a non-blocking read that usually finds nothing, and the selector re-armed. Waking a pool
     * thread for that, once per webhook, cost more than the work (a wake-up and two context switches); the ack
     * thread does it in place. Anything else, and anything that work hands on, still goes to the pool.
     */
    public ThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000) {
            @Override
            public void execute(Runnable job) {
                if (!(job instanceof Connection) || Thread.currentThread() != ackThread || resuming) {
                    super.execute(job);
                    return;
                }
                resuming = true;
                resumedInPlace++;
                try {
                    job.run();
                } finally {
                    resuming = false;
                }
            }
        };
        pool.setName("JettyServerThreadPool");
        return pool;
    }

    /** How many connections the ack thread resumed in place instead of waking a pool thread. */
    long resumedInPlace() {
        return resumedInPlace;
    }

    private void pooled(Runnable task) {
        getServer().getThreadPool().execute(task);
    }

    private void javalin(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) Response.writeError(request, response, callback, 404);
        } catch (Throwable e) {
            Response.writeError(request, response, callback, e);
        }
    }

    /** The tenant id of a webhook POST, or null for anything this path leaves to Javalin. */
    private static String clientId(Request request) {
        if (!"POST".equals(request.getMethod())) return null;
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX) || path.length() == PREFIX.length()) return null;
        for (int i = PREFIX.length(); i < path.length(); i++) {
            char c = path.charAt(i);
            // Tenant ids are lowercase letters, digits and dashes; anything else (encoded, a slash) is Javalin's.
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return null;
        }
        return path.substring(PREFIX.length());
    }

    /** The answer the route gives when storing fails (overloaded, no commit in time, an unexpected error). */
    private void fail(Request request, Response response, Callback callback, String requestId, Throwable failure) {
        ErrorHandlers.Failure f = ErrorHandlers.failure(failure, requestId);
        String path = request.getHttpURI().getPath();
        if (f.code() == ErrorCode.INTERNAL) {
            log.error("unhandled error on POST {} (request {})", path, requestId, failure);
        } else {
            log.info("POST {} -> {} (request {})", path, f.code().status(), requestId);
        }
        if (f.retryAfterSeconds() != null) response.getHeaders().put(HttpHeader.RETRY_AFTER, f.retryAfterSeconds());
        answer(request, response, callback, requestId, f.code().status(), Json.writeBytes(f.body(requestId)));
    }

    private static void answer(Request request, Response response, Callback callback, String requestId, int status, byte[] body) {
        response.setStatus(status);
        HttpFields.Mutable h = response.getHeaders();
        h.put(JSON);
        h.put(RequestIds.HEADER, requestId);
        for (HttpField f : SECURITY) h.put(f);
        if (SecurityHeaders.overHttps(request.getHeaders().get("X-Forwarded-Proto"), request.getHttpURI().getScheme())) h.put(HSTS);
        h.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Waits for the acknowledgements already handed over. */
    @Override
    public void close() {
        acks.shutdown();
        Threads.awaitStop(acks, Duration.ofSeconds(5));
    }

    /** The request with the part of its body already read here offered again first. */
    private static final class Replay extends Request.Wrapper {
        private Content.Chunk first;

        Replay(Request request, Content.Chunk first) {
            super(request);
            this.first = first;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = take();
            return c != null ? c : super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            boolean ready;
            synchronized (this) {
                ready = first != null;
            }
            if (ready) {
                demandCallback.run(); // the first chunk is here already
            } else {
                super.demand(demandCallback);
            }
        }

        /** Whatever the request's reader left unread is dropped; the first chunk's buffer goes back to Jetty. */
        @Override
        public boolean consumeAvailable() {
            Content.Chunk c = take();
            if (c != null) c.release();
            return super.consumeAvailable();
        }

        private synchronized Content.Chunk take() {
            Content.Chunk c = first;
            first = null;
            return c;
        }
    }
}
