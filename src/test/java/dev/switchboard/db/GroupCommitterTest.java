package dev.switchboard.db;

import dev.switchboard.config.DatabaseSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitterTest {
    @TempDir
    Path dir;
    Database db;
    GroupCommitter writer;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqliteIn(dir, 4));
        writer = new GroupCommitter(db.jdbi(), 10_000, 256, registry);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    int tenantCount() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Integer.class).one());
    }

    CompletableFuture<Integer> insertTenant(String id) {
        return writer.submit(h -> h.createUpdate("INSERT INTO tenants (id, name, created_at) VALUES (:id, :id, 0)").bind("id", id).execute());
    }

    @Test
    void aFutureCompletesOnlyAfterItsWorkIsCommittedAndVisibleToOtherConnections() {
        for (int i = 0; i < 50; i++) {
            insertTenant("t" + i).join();
            int expected = i + 1;
            assertThat(tenantCount()).isEqualTo(expected);
        }
    }

    @Test
    void concurrentSubmissionsShareCommits() throws Exception {
        CountDownLatch block = new CountDownLatch(1);
        // Hold the writer so the next submissions queue up and must be committed together.
        CompletableFuture<Object> blocker = writer.submit(h -> {
            block.await(5, TimeUnit.SECONDS);
            return null;
        });
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) futures.add(insertTenant("c" + i));
        block.countDown();
        blocker.join();
        futures.forEach(CompletableFuture::join);

        assertThat(tenantCount()).isEqualTo(200);
        var batches = registry.get("switchboard_db_commit_batch_size").summary();
        assertThat(batches.max()).isGreaterThan(100);
        assertThat(batches.count()).isLessThan(20);
    }

    @Test
    void aFailingUnitFailsAloneWhileItsBatchNeighboursCommit() throws Exception {
        CountDownLatch block = new CountDownLatch(1);
        CompletableFuture<Object> blocker = writer.submit(h -> {
            block.await(5, TimeUnit.SECONDS);
            return null;
        });
        CompletableFuture<Integer> a = insertTenant("a");
        CompletableFuture<Integer> dup = insertTenant("a"); // primary key violation inside the same batch
        CompletableFuture<Integer> b = insertTenant("b");
        block.countDown();
        blocker.join();

        assertThat(a.join()).isEqualTo(1);
        assertThat(b.join()).isEqualTo(1);
        assertThatThrownBy(dup::join).hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(tenantCount()).isEqualTo(2);
    }

    @Test
    void afterCommitActionsRunInCommitOrderBeforeTheFutureCompletes() {
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            futures.add(writer.submit(h -> n, order::add).thenApply(v -> {
                assertThat(order).contains(v);
                return v;
            }));
        }
        futures.forEach(CompletableFuture::join);
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void aFullQueueRejectsInsteadOfBlockingTheCaller() throws Exception {
        try (GroupCommitter tiny = new GroupCommitter(db.jdbi(), 2, 1, registry)) {
            CountDownLatch block = new CountDownLatch(1);
            CompletableFuture<Object> blocker = tiny.submit(h -> {
                block.await(5, TimeUnit.SECONDS);
                return null;
            });
            Thread.sleep(100); // the writer has taken the blocker; the queue holds two more
            tiny.submit(h -> 1);
            tiny.submit(h -> 2);
            CompletableFuture<Integer> rejected = tiny.submit(h -> 3);
            assertThatThrownBy(rejected::join).hasCauseInstanceOf(GroupCommitter.OverloadedException.class);
            block.countDown();
            blocker.join();
        }
    }

    @Test
    void closeCommitsWhatIsQueued() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) futures.add(insertTenant("q" + i));
        writer.close();
        futures.forEach(CompletableFuture::join);
        assertThat(tenantCount()).isEqualTo(100);
    }
}
