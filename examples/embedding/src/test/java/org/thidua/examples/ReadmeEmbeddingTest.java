package org.thidua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding the library" is what this project builds: its Java block is {@link FirstEvaluation}, word
 * for word (so it has its package and imports and compiles), and its dependencies are this pom's, logging binding
 * included.
 */
class ReadmeEmbeddingTest {
    private static final Path README = Path.of("../../README.md");
    private static final Path SNIPPET = Path.of("src/main/java/org/thidua/examples/FirstEvaluation.java");

    @Test
    void the_readmes_java_block_is_the_first_evaluation_example_word_for_word() throws Exception {
        assertThat(block(embeddingSection(), "java")).isEqualTo(Files.readString(SNIPPET));
    }

    @Test
    void the_readmes_dependencies_name_the_logging_binding_this_example_uses() throws Exception {
        String xml = block(embeddingSection(), "xml");
        String pom = Files.readString(Path.of("pom.xml"));

        for (String artifact : new String[] {"thidua-rules-core", "thidua-rules", "slf4j-simple"}) {
            assertThat(xml).contains("<artifactId>" + artifact + "</artifactId>");
            assertThat(pom).contains("<artifactId>" + artifact + "</artifactId>");
        }
    }

    @Test
    void the_first_evaluation_prints_each_finding_of_binh_yen() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            FirstEvaluation.main(new String[0]);
        } finally {
            System.setOut(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "SATISFACTION MET", "ON_TIME_DOSSIERS NOT_MET: 5 trong 1.520 hồ sơ trễ hạn", "PORTAL_PAGE MET");
    }

    private static String embeddingSection() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Embedding the library\n");
        assertThat(start).as("README has an \"Embedding the library\" section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String block(String markdown, String language) {
        Matcher block = Pattern.compile("(?s)\n```" + language + "\n(.*?)```\n").matcher(markdown);
        assertThat(block.find()).as("a ```" + language + " block").isTrue();
        return block.group(1);
    }
}
