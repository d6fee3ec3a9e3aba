import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.util.jar.*;
import java.util.zip.*;
import org.objectweb.asm.*;

/**
 * Run by finish-product (single-file source launch, ASM from the product's plugins): rewrites a jar's class files
 * older than Java 8 (picocli is built for Java 5) as Java 8 class files with stack-map frames, the code unchanged.
 * The JVM's class-data archives skip "old" class files, so without this the fast path parses and verifies picocli's
 * ~130 classes on every run.
 *
 *   java -cp org.objectweb.asm_*.jar UpgradeClassFiles.java IN.jar OUT.jar
 */
public class UpgradeClassFiles {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]), out = Path.of(args[1]);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {in.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             JarInputStream jin = new JarInputStream(Files.newInputStream(in));
             JarOutputStream jout = new JarOutputStream(Files.newOutputStream(out), jin.getManifest())) {
            for (JarEntry e; (e = jin.getNextJarEntry()) != null; ) {
                byte[] bytes = jin.readAllBytes();
                if (e.getName().endsWith(".class")) {
                    ClassReader reader = new ClassReader(bytes);
                    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                        @Override
                        protected ClassLoader getClassLoader() { return loader; }
                    };
                    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                        @Override
                        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                            super.visit(Math.max(version & 0xFFFF, Opcodes.V1_8), access, name, signature, superName, interfaces);
                        }
                    }, ClassReader.SKIP_FRAMES);
                    bytes = writer.toByteArray();
                }
                jout.putNextEntry(new JarEntry(e.getName()));
                jout.write(bytes);
                jout.closeEntry();
            }
        }
    }
}
