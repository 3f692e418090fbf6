/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * The standalone server on its embedded default (H2, local store, demo data) in a temporary data directory of its
 * own, on a free loopback port, for one test class: closing it stops the server and deletes the directory.
 */
final class TemporaryServer implements AutoCloseable {

    private final Path dataDir;
    private final StandaloneApplication server;

    private TemporaryServer(Path dataDir, StandaloneApplication server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    /**
     * @param name names the data directory, after the test class
     * @param flags settings beyond the embedded default's, as {@code --name=value}
     */
    static TemporaryServer start(String name, String... flags) throws IOException {
        Path dataDir = Files.createTempDirectory(name);
        try {
            return new TemporaryServer(dataDir, StandaloneServerContract.start(dataDir, List.of(flags)));
        } catch (RuntimeException e) {
            TestFiles.deleteTree(dataDir);
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            TestFiles.deleteTree(dataDir);
        }
    }
}
