package org.tokenbench.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.QrDecoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.testing.qr.DesktopScenes;
import org.tokenbench.testing.qr.PlacedCode;
import org.tokenbench.testing.qr.Scene;

/**
 * The QR decoder's limits as `tokenbench qr decode` meets them (issue 13): every image within the limits is decoded
 * or refused in at most 5 s and 1 GB peak RSS. Each image is decoded in its own JVM with the launcher's heap limit
 * (-Xmx768m, the serial collector) under /usr/bin/time, which gives the wall time and the peak RSS; the hard set's
 * codes must all still be found. Images: the generated hard set, QR finder patterns tiled over 1.4, 9 and 36 Mpixel
 * (the attack image of HostileImageTest at growing sizes; 36 Mpixel is ImageFiles.MAX_PIXELS), 8K noise, and a
 * 100 Mpixel image that must be refused from its header.
 *
 * <pre>java -cp releng/benchmarks/target/benchmarks.jar org.tokenbench.benchmarks.QrLimitsBenchmark</pre>
 */
public final class QrLimitsBenchmark {

    private static final double MAX_SECONDS = 5;
    private static final long MAX_RSS_KB = 1024 * 1024;

    private QrLimitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--decode")) {
            decode(Path.of(args[1]));
            return;
        }
        Path dir = Files.createTempDirectory("tokenbench-qr-limits");
        Map<Path, Set<String>> expected = new LinkedHashMap<>();
        List<Scene> scenes = DesktopScenes.hardSet();
        for (int i = 0; i < scenes.size(); i++) {
            Path file = dir.resolve(String.format("hard-%02d-%s.png", i, scenes.get(i).name()));
            ImageIO.write(scenes.get(i).image(), "png", file.toFile());
            expected.put(file, scenes.get(i).codes().stream().map(PlacedCode::payload).collect(Collectors.toCollection(TreeSet::new)));
        }
        for (int size : new int[] {1200, 3000, 6000}) {
            Path file = dir.resolve("finder-tiles-" + size + ".png");
            ImageIO.write(tiledFinderPatterns(size), "png", file.toFile());
            expected.put(file, null);
        }
        Path noise = dir.resolve("noise-8k.png");
        ImageIO.write(noise(7680, 4320), "png", noise.toFile());
        expected.put(noise, null);
        Path huge = dir.resolve("refused-10000x10000.png");
        ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile());
        expected.put(huge, null);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        double worstSeconds = 0;
        long worstRss = 0;
        int failures = 0;
        System.out.println("| image | bytes | outcome | wall s | CPU s | peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<Path, Set<String>> image : expected.entrySet()) {
            Path timing = dir.resolve("time.txt");
            Process p = new ProcessBuilder("/usr/bin/time", "-f", "%e %U %S %M", "-o", timing.toString(), java, "-Xmx768m",
                    "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", classPath, QrLimitsBenchmark.class.getName(), "--decode",
                    image.getKey().toString()).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor();
            String[] measured = Files.readString(timing).strip().split("\\s+");
            double seconds = Double.parseDouble(measured[measured.length - 4]);
            double cpuSeconds = Double.parseDouble(measured[measured.length - 3]) + Double.parseDouble(measured[measured.length - 2]);
            long rssKb = Long.parseLong(measured[measured.length - 1]);
            String outcome = lines.isEmpty() ? "no output" : lines.get(0);
            Set<String> found = lines.stream().filter(l -> l.startsWith("payload ")).map(l -> l.substring(8))
                    .collect(Collectors.toCollection(TreeSet::new));
            boolean ok = seconds <= MAX_SECONDS && rssKb <= MAX_RSS_KB
                    && (image.getValue() == null ? !outcome.startsWith("crashed") : found.equals(image.getValue()));
            failures += ok ? 0 : 1;
            worstSeconds = Math.max(worstSeconds, seconds);
            worstRss = Math.max(worstRss, rssKb);
            System.out.printf("| %s | %d | %s%s | %.2f | %.2f | %d |%n", image.getKey().getFileName(), Files.size(image.getKey()),
                    outcome.replace(image.getKey().getParent() + "/", ""), ok ? "" : " **FAILED**", seconds, cpuSeconds, rssKb / 1024);
        }
        System.out.printf("%nWorst case: %.2f s, %d MB peak RSS (limits %.0f s, %d MB); %d images outside the limits or with "
                + "changed results%n", worstSeconds, worstRss / 1024, MAX_SECONDS, MAX_RSS_KB / 1024, failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** In the child JVM: what `qr decode FILE` does, printed as one outcome line and the payloads. */
    private static void decode(Path file) {
        try {
            List<FoundCode> codes = new QrDecoder().decode(ImageFiles.read(file), FoundCode.Source.image(file.getFileName().toString()));
            System.out.println("decoded " + codes.size() + " codes");
            codes.forEach(c -> System.out.println("payload " + c.payload()));
        } catch (QrException e) {
            System.out.println("refused: " + e.problem() + " (" + e.getMessage().replaceAll("\\s+", " ") + ")");
        } catch (Throwable e) {
            System.out.println("crashed: " + e);
        }
    }

    /** QR finder patterns (1:1:3:1:1) tiled over the whole image, and no code (as in HostileImageTest). */
    private static BufferedImage tiledFinderPatterns(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        int module = 2;
        for (int y = module; y + 7 * module < size; y += 10 * module) {
            for (int x = module; x + 7 * module < size; x += 10 * module) {
                g.setColor(Color.BLACK);
                g.fillRect(x, y, 7 * module, 7 * module);
                g.setColor(Color.WHITE);
                g.fillRect(x + module, y + module, 5 * module, 5 * module);
                g.setColor(Color.BLACK);
                g.fillRect(x + 2 * module, y + 2 * module, 3 * module, 3 * module);
            }
        }
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[width * height];
        new Random(13).nextBytes(pixels);
        image.getRaster().setDataElements(0, 0, width, height, pixels);
        return image;
    }
}
