package dev.switchboard.control;

import dev.switchboard.config.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteControlRepositoriesTest extends ControlRepositoriesContract {
    @Override
    DatabaseSettings database() {
        try {
            return DatabaseSettings.sqliteIn(Files.createTempDirectory("sb-control"), 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
