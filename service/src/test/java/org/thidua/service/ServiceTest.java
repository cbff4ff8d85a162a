package org.thidua.service;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each want a service of their own: started for every test on a free port, with its own SQLite file. */
abstract class ServiceTest {
    @TempDir
    Path dir;
    RunningService running;
    Api api;

    @BeforeEach
    void startTheService() {
        running = RunningService.start(dir.resolve("thidua.db"));
        api = running.api;
    }

    @AfterEach
    void stopTheService() {
        running.close();
    }
}
