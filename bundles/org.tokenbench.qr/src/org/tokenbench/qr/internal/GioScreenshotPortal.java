package org.tokenbench.qr.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Asks the desktop's xdg-desktop-portal for a screenshot (org.freedesktop.portal.Screenshot) over the D-Bus session
 * bus, through GIO's GDBus loaded with JNA. Wayland compositors let no client read the screen; the portal is the one
 * sanctioned way, and GIO is on every system that has a portal (xdg-desktop-portal itself is built on it), so nothing
 * is added to the platform but a few native calls. Plain Java, no SWT: the CLI and the workbench share it.
 *
 * <p>The protocol: subscribe to {@code org.freedesktop.portal.Request.Response} on the request's path (known in advance
 * from our unique bus name and our handle_token), call {@code Screenshot("", {handle_token, interactive: false})}, then
 * wait (bounded, cancellable) for that request's Response: 0 with the file URI of the saved PNG, 1 when the user
 * cancelled, 2 when the desktop refused. Giving up closes the request ({@code Request.Close}).
 */
public final class GioScreenshotPortal {

    private static final String PORTAL_BUS_NAME = "org.freedesktop.portal.Desktop";
    private static final String PORTAL_OBJECT = "/org/freedesktop/portal/desktop";
    private static final String INSTALL_HINT = "install xdg-desktop-portal and the portal backend of your desktop "
            + "(xdg-desktop-portal-gnome, xdg-desktop-portal-kde, or xdg-desktop-portal-wlr for sway and other wlroots "
            + "compositors) and log in again";
    private static final int G_BUS_TYPE_SESSION = 2;

    /** The saved screenshot: a {@code file:} URI the caller reads and deletes (it may show a secret). */
    public record Shot(Path file) {
    }

    /** The GIO and GLib calls used; GVariantType arguments are type strings ("s"), which is what a GVariantType is. */
    interface Gio extends Library {
        Pointer g_bus_get_sync(int busType, Pointer cancellable, PointerByReference error);

        String g_dbus_connection_get_unique_name(Pointer connection);

        int g_dbus_connection_signal_subscribe(Pointer connection, String sender, String interfaceName, String member,
                String objectPath, String arg0, int flags, ResponseCallback callback, Pointer userData, Pointer freeUserData);

        void g_dbus_connection_signal_unsubscribe(Pointer connection, int subscription);

        Pointer g_dbus_connection_call_sync(Pointer connection, String busName, String objectPath, String interfaceName,
                String method, Pointer parameters, String replyType, int flags, int timeoutMillis, Pointer cancellable,
                PointerByReference error);

        Pointer g_main_context_new();

        void g_main_context_push_thread_default(Pointer context);

        void g_main_context_pop_thread_default(Pointer context);

        int g_main_context_iteration(Pointer context, int mayBlock);

        void g_main_context_unref(Pointer context);

        Pointer g_variant_parse(String type, String text, Pointer limit, Pointer endPointer, PointerByReference error);

        Pointer g_variant_get_child_value(Pointer value, NativeLong index);

        int g_variant_get_uint32(Pointer value);

        String g_variant_get_string(Pointer value, Pointer length);

        Pointer g_variant_lookup_value(Pointer dictionary, String key, String type);

        void g_variant_unref(Pointer value);

        void g_object_unref(Pointer object);

        void g_error_free(Pointer error);
    }

    /** GDBusSignalCallback. */
    interface ResponseCallback extends Callback {
        void invoke(Pointer connection, String sender, String objectPath, String interfaceName, String signal,
                Pointer parameters, Pointer userData);
    }

    /** One Request.Response: the code and, on success, the uri result. */
    record Response(String path, int code, String uri) {
    }

    /** How long a request given up on is still listened to, so a success already under way gets its file deleted. */
    private static final Duration LATE_ANSWER_GRACE = Duration.ofMillis(1_500);

    private final Duration timeout;

    public GioScreenshotPortal(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Takes a screenshot of the whole desktop through the portal.
     *
     * @throws QrException {@link QrProblem#PORTAL_MISSING} when there is no GIO, no session bus or no Screenshot
     *         portal (the caller may fall back to X11); {@link QrProblem#CAPTURE_FAILED} when the user or the desktop
     *         refused, or the portal did not answer in time
     */
    public Shot screenshot() throws QrException {
        return screenshot(() -> false);
    }

    /**
     * As {@link #screenshot()}, giving up when {@code cancelled} turns true (polled every 20 ms). Giving up, by time,
     * cancellation or interrupt, closes the portal request, so the desktop drops its dialog and saves nothing; a success
     * that still arrives meanwhile has its file deleted, as it may show a seed's QR code.
     */
    public Shot screenshot(BooleanSupplier cancelled) throws QrException {
        Gio gio = load();
        PointerByReference error = new PointerByReference();
        Pointer connection = gio.g_bus_get_sync(G_BUS_TYPE_SESSION, null, error);
        if (connection == null) {
            throw missing("there is no D-Bus session bus (" + takeMessage(gio, error) + ")");
        }
        Pointer context = gio.g_main_context_new();
        gio.g_main_context_push_thread_default(context);
        Queue<Response> answers = new ConcurrentLinkedQueue<>();
        // The portal's documented pattern: the request path follows from our unique name and a token we choose, so
        // the subscription (to that one path: the bus connection is shared by the whole process) exists before the call.
        String token = "tokenbench_" + randomHex();
        String sender = gio.g_dbus_connection_get_unique_name(connection).substring(1).replace('.', '_');
        String expectedPath = PORTAL_OBJECT + "/request/" + sender + "/" + token;
        // Kept reachable until unsubscribed: JNA frees a callback whose Java object is collected.
        ResponseCallback callback = (conn, from, path, iface, signal, parameters, data) -> answers.add(response(gio, path, parameters));
        List<Integer> subscriptions = new ArrayList<>();
        subscriptions.add(subscribe(gio, connection, expectedPath, callback));
        String requestPath = null;
        try {
            requestPath = call(gio, connection, token);
            if (!requestPath.equals(expectedPath)) {
                // portals before 0.9 name the request themselves
                subscriptions.add(subscribe(gio, connection, requestPath, callback));
            }
            RequestAnswers ours = new RequestAnswers(expectedPath, requestPath);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                dispatch(gio, context);
                Optional<Response> response = ours.first(answers);
                if (response.isPresent()) {
                    return shot(response.get());
                }
                if (cancelled.getAsBoolean()) {
                    giveUp(gio, connection, context, requestPath, answers, ours);
                    throw new QrException(QrProblem.CAPTURE_FAILED, "the screen capture was cancelled");
                }
                if (System.nanoTime() > deadline) {
                    giveUp(gio, connection, context, requestPath, answers, ours);
                    throw new QrException(QrProblem.CAPTURE_FAILED, "the screenshot portal did not answer within "
                            + timeout.toSeconds() + " s: answer the desktop's screenshot dialog, or check that "
                            + "xdg-desktop-portal and its backend are running (systemctl --user status xdg-desktop-portal)");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            giveUp(gio, connection, context, requestPath, answers, new RequestAnswers(expectedPath, requestPath));
            Thread.currentThread().interrupt();
            throw new QrException(QrProblem.CAPTURE_FAILED, "the screen capture was interrupted", e);
        } finally {
            subscriptions.forEach(subscription -> gio.g_dbus_connection_signal_unsubscribe(connection, subscription));
            gio.g_main_context_pop_thread_default(context);
            gio.g_main_context_unref(context);
            gio.g_object_unref(connection);
            java.lang.ref.Reference.reachabilityFence(callback);
        }
    }

    private static int subscribe(Gio gio, Pointer connection, String requestPath, ResponseCallback callback) {
        return gio.g_dbus_connection_signal_subscribe(connection, PORTAL_BUS_NAME, "org.freedesktop.portal.Request", "Response",
                requestPath, null, 0, callback, null, null);
    }

    private static void dispatch(Gio gio, Pointer context) {
        while (gio.g_main_context_iteration(context, 0) != 0) {
            // dispatch everything pending: a Response arrives as a signal on this thread's context
        }
    }

    /**
     * Closes the request (org.freedesktop.portal.Request.Close: the desktop drops its dialog and answers nothing), then
     * listens a moment longer: a success already under way is deleted, not left on disk for nobody.
     */
    private static void giveUp(Gio gio, Pointer connection, Pointer context, String requestPath, Queue<Response> answers,
            RequestAnswers ours) {
        if (requestPath == null) {
            return;
        }
        Pointer none = gio.g_variant_parse(null, "()", null, null, null);
        PointerByReference error = new PointerByReference();
        Pointer reply = gio.g_dbus_connection_call_sync(connection, PORTAL_BUS_NAME, requestPath, "org.freedesktop.portal.Request",
                "Close", none, null, 0, 2_000, null, error);
        gio.g_variant_unref(none);
        if (reply != null) {
            gio.g_variant_unref(reply);
        } else {
            takeMessage(gio, error); // the request ended meanwhile: its answer, if any, is handled below
        }
        long until = System.nanoTime() + LATE_ANSWER_GRACE.toNanos();
        do {
            dispatch(gio, context);
            ours.discardLate(answers);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < until);
        dispatch(gio, context);
        ours.discardLate(answers);
    }

    /** Sorts the Response signals received: ours (the request's path) or another request's; late successes are deleted. */
    static final class RequestAnswers {
        private final Set<String> paths;

        /** {@code paths}: the request's path as expected and as the portal named it (null: not known yet). */
        RequestAnswers(String... paths) {
            this.paths = Arrays.stream(paths).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        }

        /** The first of the queued answers for our request; answers to other requests are dropped. */
        Optional<Response> first(Queue<Response> answers) {
            for (Response response; (response = answers.poll()) != null;) {
                if (paths.contains(response.path())) {
                    return Optional.of(response);
                }
            }
            return Optional.empty();
        }

        /** After giving up: every answer of ours that carries a file has the file deleted (nobody will read it). */
        void discardLate(Queue<Response> answers) {
            for (Optional<Response> late; (late = first(answers)).isPresent();) {
                Response response = late.get();
                if (response.code() == 0 && response.uri() != null && response.uri().startsWith("file:")) {
                    try {
                        Files.deleteIfExists(Path.of(URI.create(response.uri())));
                    } catch (IOException | RuntimeException e) {
                        // not ours to delete after all (or gone): nothing more can be done here
                    }
                }
            }
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String call(Gio gio, Pointer connection, String token) throws QrException {
        // GVariant text format: the types are inferred, (sa{sv}) as Screenshot(parent_window, options) wants.
        Pointer parameters = gio.g_variant_parse(null, "('', {'handle_token': <'" + token + "'>, 'interactive': <false>, "
                + "'modal': <false>})", null, null, null);
        PointerByReference error = new PointerByReference();
        Pointer reply = gio.g_dbus_connection_call_sync(connection, PORTAL_BUS_NAME, PORTAL_OBJECT,
                "org.freedesktop.portal.Screenshot", "Screenshot", parameters, "(o)", 0, (int) Math.clamp(timeout.toMillis(), 1_000, 25_000),
                null, error);
        gio.g_variant_unref(parameters);
        if (reply == null) {
            String message = takeMessage(gio, error);
            if (message.contains("ServiceUnknown") || message.contains("UnknownMethod") || message.contains("UnknownInterface")
                    || message.contains("UnknownObject") || message.contains("NameHasNoOwner")) {
                throw missing("the desktop has no screenshot portal (" + message + ")");
            }
            throw new QrException(QrProblem.CAPTURE_FAILED, "the screenshot portal failed (" + message + "); " + INSTALL_HINT);
        }
        try {
            Pointer path = gio.g_variant_get_child_value(reply, new NativeLong(0));
            try {
                return gio.g_variant_get_string(path, null);
            } finally {
                gio.g_variant_unref(path);
            }
        } finally {
            gio.g_variant_unref(reply);
        }
    }

    /** Reads Response(u response, a{sv} results) while the signal's parameters are alive (they are borrowed). */
    private static Response response(Gio gio, String path, Pointer parameters) {
        Pointer code = gio.g_variant_get_child_value(parameters, new NativeLong(0));
        Pointer results = gio.g_variant_get_child_value(parameters, new NativeLong(1));
        try {
            Pointer uri = gio.g_variant_lookup_value(results, "uri", "s");
            String text = null;
            if (uri != null) {
                text = gio.g_variant_get_string(uri, null);
                gio.g_variant_unref(uri);
            }
            return new Response(path, gio.g_variant_get_uint32(code), text);
        } finally {
            gio.g_variant_unref(code);
            gio.g_variant_unref(results);
        }
    }

    private static Shot shot(Response response) throws QrException {
        switch (response.code()) {
            case 0:
                if (response.uri() == null || !response.uri().startsWith("file:")) {
                    throw new QrException(QrProblem.CAPTURE_FAILED, "the screenshot portal answered without a file ("
                            + response.uri() + ")");
                }
                return new Shot(Path.of(URI.create(response.uri())));
            case 1:
                throw new QrException(QrProblem.CAPTURE_FAILED, "the screen capture was cancelled in the desktop's dialog: "
                        + "scan again and allow the screenshot (Share / Allow)");
            default:
                throw new QrException(QrProblem.CAPTURE_FAILED, "the desktop refused the screenshot: allow screenshots "
                        + "for TokenBench when the desktop asks, or in its privacy settings (GNOME: Settings › Apps; KDE: System "
                        + "Settings › Application Permissions), or save a screenshot and use tokenbench qr decode FILE");
        }
    }

    private static Gio load() throws QrException {
        try {
            return Native.load("gio-2.0", Gio.class);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw missing("GIO (libgio-2.0) cannot be loaded (" + e.getMessage() + ")");
        }
    }

    private static QrException missing(String why) {
        return new QrException(QrProblem.PORTAL_MISSING, "the screen cannot be captured on Wayland without the desktop's "
                + "screenshot portal: " + why + "; " + INSTALL_HINT);
    }

    /** The GError's message (struct GError { GQuark domain; gint code; gchar *message; }), freed afterwards. */
    private static String takeMessage(Gio gio, PointerByReference error) {
        Pointer e = error.getValue();
        if (e == null) {
            return "no reason given";
        }
        try {
            Pointer message = e.getPointer(8);
            return message == null ? "no reason given" : message.getString(0, "UTF-8");
        } finally {
            gio.g_error_free(e);
        }
    }
}
