package id.neraca.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The manifest's code version (docs/REPORT.md "Lineage": jar version, git commit, dirty flag). */
class ManifestCodeVersionTest {
    @TempDir
    Path tmp;

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "init.defaultBranch=main", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aGitWorktreeCheckoutRecordsItsCommit() throws Exception {
        assumeTrue(gitAvailable(), "no git binary");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README.md"), "x\n");
        git(repo, "add", "README.md");
        git(repo, "commit", "-q", "-m", "first");
        String head = git(repo, "rev-parse", "HEAD");
        // a linked worktree (and a submodule) has a .git *file* pointing at the repository's git folder
        Path wt = tmp.resolve("wt");
        git(repo, "worktree", "add", "-q", "-b", "other", wt.toString());
        assumeTrue(Files.isRegularFile(wt.resolve(".git")), "this git writes worktrees differently");

        for (Path home : List.of(repo, wt)) {
            Manifest m = Manifest.start("run1", "run", Optional.empty());
            m.codeVersion(home);
            JsonNode cv = m.root().path("code_version");
            assertEquals(head, cv.path("git_commit").asText(), home + ": " + cv);
            assertFalse(cv.path("git_dirty").isNull(), home + ": " + cv);
            assertFalse(cv.path("git_dirty").asBoolean(), home + ": " + cv);
        }
    }

    @Test
    void outsideGitTheCommitIsUnknown() {
        Manifest m = Manifest.start("run1", "run", Optional.empty());
        m.codeVersion(tmp);
        assertEquals("unknown", m.root().path("code_version").path("git_commit").asText());
        assertEquals(true, m.root().path("code_version").path("git_dirty").isNull());
    }
}
