package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.thidua.service.store.DatabaseAddress;

/** {@code --db}: a path is a SQLite file, a postgresql:// address a PostgreSQL database, anything else address-shaped refused. */
class DatabaseAddressTest {
    @Test
    void a_path_is_a_sqlite_file() {
        assertThat(DatabaseAddress.parse("thidua.db")).isEqualTo(new DatabaseAddress.SqliteFile(Path.of("thidua.db")));
        assertThat(DatabaseAddress.parse("/var/lib/thidua/lịch sử.db")).isInstanceOf(DatabaseAddress.SqliteFile.class);
    }

    @Test
    void a_postgresql_address_keeps_its_user_pool_and_other_parameters_apart() {
        DatabaseAddress.Postgres address = (DatabaseAddress.Postgres) DatabaseAddress.parse(
                "postgresql://db.tinh.local:5433/thidua?user=thidua_app&pool=24&sslmode=require");

        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://db.tinh.local:5433/thidua?sslmode=require");
        assertThat(address.user()).isEqualTo("thidua_app");
        assertThat(address.pool()).isEqualTo(24);
        assertThat(((DatabaseAddress.Postgres) DatabaseAddress.parse("postgres://app@h/db")).user()).isEqualTo("app");
        assertThat(((DatabaseAddress.Postgres) DatabaseAddress.parse("postgres://app@h/db")).pool()).isEqualTo(DatabaseAddress.DEFAULT_POOL);
    }

    @Test
    void a_password_in_the_address_is_refused_without_repeating_it() {
        for (String withPassword : new String[] {"postgresql://app:bi-mat@h/db", "postgresql://h/db?user=app&password=bi-mat"}) {
            assertThatThrownBy(() -> DatabaseAddress.parse(withPassword)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("THIDUA_DB_PASSWORD").message().doesNotContain("bi-mat");
        }
    }

    @Test
    void anything_shaped_like_an_address_is_never_a_file_and_other_schemes_are_refused_in_one_line() {
        for (String other : new String[] {"mysql://h/db", "jdbc:postgresql://h/db", "sqlite://thidua.db", "http://h/db"}) {
            assertThatThrownBy(() -> DatabaseAddress.parse(other)).as(other).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("\n");
        }
        for (String incomplete : new String[] {"postgresql://h/db", "postgresql:///db?user=a", "postgresql://h?user=a",
                "postgresql://h/db?user=a&pool=0", "postgresql://h/db?user=a&pool=nhieu"}) {
            assertThatThrownBy(() -> DatabaseAddress.parse(incomplete)).as(incomplete).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void serve_refuses_an_unknown_scheme_in_one_line_and_makes_no_file() {
        CommandLineRun run = CommandLineRun.of("serve", "--port", "0", "--db", "mysql://127.0.0.1/thidua");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mysql").hasLineCount(1);
        assertThat(Files.exists(Path.of("mysql:"))).isFalse();
    }

    @Test
    void serve_on_a_postgresql_server_that_does_not_answer_says_so_in_one_line_and_makes_no_file() {
        // port 1 on loopback: nothing listens there
        CommandLineRun run = CommandLineRun.of("serve", "--port", "0", "--db", "postgresql://127.0.0.1:1/thidua?user=thidua");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Không kết nối được PostgreSQL", "cannot connect").doesNotContain("\tat ");
        assertThat(run.err().strip()).hasLineCount(1);
        assertThat(Files.exists(Path.of("postgresql:"))).isFalse();
    }
}
