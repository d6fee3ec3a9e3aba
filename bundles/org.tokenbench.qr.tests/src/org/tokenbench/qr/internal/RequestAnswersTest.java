package org.tokenbench.qr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.qr.internal.GioScreenshotPortal.RequestAnswers;
import org.tokenbench.qr.internal.GioScreenshotPortal.Response;

/** The portal's Response signals on the process-shared bus: only ours count, and a late success leaves no file. */
class RequestAnswersTest {

    private static final String OURS = "/org/freedesktop/portal/desktop/request/1_42/tokenbench_ab";
    private static final String FOREIGN = "/org/freedesktop/portal/desktop/request/1_42/other_cd";

    @Test
    void aForeignResponseQueuedFirstDoesNotHideOurs(@TempDir Path dir) {
        Queue<Response> queued = new ConcurrentLinkedQueue<>();
        queued.add(new Response(FOREIGN, 1, null));
        queued.add(new Response(OURS, 0, dir.resolve("shot.png").toUri().toString()));
        Optional<Response> ours = new RequestAnswers(OURS, null).first(queued);
        assertTrue(ours.isPresent());
        assertEquals(OURS, ours.get().path());
        assertEquals(0, ours.get().code());
    }

    @Test
    void aSuccessArrivingAfterGivingUpHasItsFileDeleted(@TempDir Path dir) throws Exception {
        Path late = Files.write(dir.resolve("out.png"), new byte[] {1, 2, 3});
        Path foreign = Files.write(dir.resolve("someone-elses.png"), new byte[] {4});
        Queue<Response> queued = new ConcurrentLinkedQueue<>();
        queued.add(new Response(FOREIGN, 0, foreign.toUri().toString()));
        queued.add(new Response(OURS, 0, late.toUri().toString()));
        new RequestAnswers(OURS, OURS).discardLate(queued);
        assertFalse(Files.exists(late), "the late screenshot may show a seed: deleted");
        assertTrue(Files.exists(foreign), "another request's file is not ours to delete");
        assertTrue(queued.isEmpty());
    }
}
