package org.thidua.service;

import org.junit.jupiter.api.extension.ExtendWith;

/*
 * The HTTP tests that touch the history, run again with the history on PostgreSQL (a new database per test path, see
 * StoreBackend): the same answers, whichever database an operator chose. Each class is the SQLite one's tests as they
 * are; the store's own specification runs on both in SqliteEvaluationStoreTest and PostgresEvaluationStoreTest.
 */

@ExtendWith(StoreBackend.OnPostgres.class)
class EvaluationEndpointOnPostgresTest extends EvaluationEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class HistoryRestartOnPostgresTest extends HistoryRestartTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class RuleSetVersionsOnPostgresTest extends RuleSetVersionsTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class ReportEndpointOnPostgresTest extends ReportEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class CommendationsEndpointOnPostgresTest extends CommendationsEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class ImportEndpointOnPostgresTest extends ImportEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class ReloadEndpointOnPostgresTest extends ReloadEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class ImpactPreviewEndpointOnPostgresTest extends ImpactPreviewEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class CampaignEndpointOnPostgresTest extends CampaignEndpointTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class ConcurrentClientsOnPostgresTest extends ConcurrentClientsTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class StoredCountsReportOnPostgresTest extends StoredCountsReportTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class RoundRefusalsOnPostgresTest extends RoundRefusalsTest {
}

@ExtendWith(StoreBackend.OnPostgres.class)
class RoundsStandApartOnPostgresTest extends RoundsStandApartTest {
}
