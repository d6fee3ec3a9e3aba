package org.tokenbench.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.QrDecoder;
import org.tokenbench.testing.qr.DesktopScenes;
import org.tokenbench.testing.qr.PlacedCode;
import org.tokenbench.testing.qr.Scene;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/**
 * TokenBench's QR decoder against zbarimg (Debian zbar-tools) and plain ZXing on the generated hard set, in one
 * run: codes found (matched by payload, each unique) and milliseconds per frame. TokenBench and ZXing are timed
 * in-process after warm-up (median of the measured rounds); zbarimg gets all frames in one invocation, so its
 * time per frame is decoding (and its PNG loading), not process start. TokenBench is also timed with PNG
 * loading included, the like-for-like figure against zbarimg.
 *
 * <pre>java -cp releng/benchmarks/target/benchmarks.jar org.tokenbench.benchmarks.QrBenchmark [rounds]</pre>
 */
public final class QrBenchmark {

    private QrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Scene> scenes = DesktopScenes.hardSet();
        Path dir = Files.createTempDirectory("tokenbench-qr-bench");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Path file = dir.resolve(String.format("%02d-%s.png", i, scenes.get(i).name()));
            ImageIO.write(scenes.get(i).image(), "png", file.toFile());
            files.add(file);
        }
        List<GreyImage> frames = scenes.stream().map(s -> GreyImage.of(s.image())).toList();
        Set<String> truth = new HashSet<>();
        Map<String, String> traits = new TreeMap<>();
        for (Scene s : scenes) {
            for (PlacedCode c : s.codes()) {
                truth.add(c.payload());
                traits.put(c.payload(), s.name() + " " + c.traits());
            }
        }
        long pixels = frames.stream().mapToLong(f -> (long) f.width() * f.height()).sum();
        System.out.printf("Hard set: %d frames (%.1f Mpixel in all), %d codes; %d measured rounds after warm-up%n%n", frames.size(),
                pixels / 1e6, truth.size(), rounds);

        QrDecoder decoder = new QrDecoder();
        Run tokenbench = inProcess(frames, rounds, f -> decoder.find(f).stream().map(QrDecoder.Decoded::payload).toList());
        Run withLoading = inProcessFromFiles(files, rounds, decoder);
        Run zxing = inProcess(frames, rounds, QrBenchmark::plainZxing);
        Run zbar = zbarimg(files, Math.max(3, rounds / 2));

        System.out.println("| decoder | codes found | ms per frame | time vs zbarimg |");
        System.out.println("|---|---|---|---|");
        row("TokenBench (decode, in-process)", tokenbench, truth, zbar);
        row("TokenBench (PNG load + decode)", withLoading, truth, zbar);
        row("ZXing 3.5.3 whole frame (multi, try-harder)", zxing, truth, zbar);
        row("zbarimg " + zbarVersion() + " (all frames, one process)", zbar, truth, zbar);
        System.out.println();
        for (Map.Entry<String, String> code : traits.entrySet()) {
            boolean t = tokenbench.found.contains(code.getKey());
            boolean z = zbar.found.contains(code.getKey());
            boolean x = zxing.found.contains(code.getKey());
            if (!t || !z || !x) {
                System.out.printf("  %-55s TokenBench %-5s zbarimg %-5s ZXing %s%n", code.getValue(), t ? "found" : "MISS",
                        z ? "found" : "MISS", x ? "found" : "MISS");
            }
        }
    }

    private record Run(Set<String> found, double msPerFrame) {
    }

    private static void row(String name, Run run, Set<String> truth, Run zbar) {
        long hits = run.found.stream().filter(truth::contains).count();
        System.out.printf("| %s | %d / %d | %.1f | %.2f× |%n", name, hits, truth.size(), run.msPerFrame, run.msPerFrame / zbar.msPerFrame);
    }

    private static Run inProcess(List<GreyImage> frames, int rounds, Function<GreyImage, List<String>> decode) {
        Set<String> found = new HashSet<>();
        double[] perRound = new double[rounds];
        for (int round = -3; round < rounds; round++) {
            long start = System.nanoTime();
            for (GreyImage frame : frames) {
                List<String> payloads = decode.apply(frame);
                if (round == 0) {
                    found.addAll(payloads);
                }
            }
            if (round >= 0) {
                perRound[round] = (System.nanoTime() - start) / 1e6 / frames.size();
            }
        }
        return new Run(found, median(perRound));
    }

    private static Run inProcessFromFiles(List<Path> files, int rounds, QrDecoder decoder) throws Exception {
        double[] perRound = new double[rounds];
        Set<String> found = new HashSet<>();
        for (int round = -2; round < rounds; round++) {
            long start = System.nanoTime();
            for (Path file : files) {
                for (QrDecoder.Decoded d : decoder.find(ImageFiles.read(file))) {
                    found.add(d.payload());
                }
            }
            if (round >= 0) {
                perRound[round] = (System.nanoTime() - start) / 1e6 / files.size();
            }
        }
        return new Run(found, median(perRound));
    }

    private static List<String> plainZxing(GreyImage image) {
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(new PlanarYUVLuminanceSource(
                    image.pixels(), image.width(), image.height(), 0, 0, image.width(), image.height(), false))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Arrays.stream(results).map(Result::getText).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private static Run zbarimg(List<Path> files, int rounds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("zbarimg", "-q"));
        files.forEach(f -> command.add(f.toString()));
        double[] perRound = new double[rounds];
        Set<String> found = new HashSet<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            perRound[round] = (System.nanoTime() - start) / 1e6 / files.size();
            out.lines().filter(l -> l.startsWith("QR-Code:")).forEach(l -> found.add(l.substring("QR-Code:".length())));
        }
        return new Run(found, median(perRound));
    }

    private static String zbarVersion() {
        try {
            Process p = new ProcessBuilder("zbarimg", "--version").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
