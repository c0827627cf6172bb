package io.camelklaviyo.operation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.camelklaviyo.operation.Operation.PageSize;
import io.camelklaviyo.operation.Operation.Pagination;
import io.camelklaviyo.operation.Operation.QueryParam;
import io.camelklaviyo.operation.Operation.RateLimit;
import io.camelklaviyo.operation.Operation.SlowPath;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled catalogue: unique names, lookup, and what the generator filled in for some operations. */
class OperationCatalogTest {

    private final OperationCatalog catalog = OperationCatalog.bundled();

    @Test
    void canonicalNamesAreUniqueAndWellFormed() {
        Set<String> names = new HashSet<>();
        for (Operation operation : catalog.operations()) {
            assertThat(operation.name()).matches("[a-z0-9-]+/[a-z0-9-]+");
            assertThat(names.add(operation.name())).as("%s is unique", operation.name()).isTrue();
            assertThat(catalog.byName(operation.name())).isSameAs(operation);
        }
        assertThat(names).hasSize(345);
        assertThat(catalog.revision()).isEqualTo("2026-07-15");
    }

    @Test
    void catalogueIsSortedByCanonicalName() {
        List<String> names = catalog.operations().stream().map(Operation::name).toList();
        assertThat(names).isSorted();
    }

    @Test
    void everyNameOperationIdAndAliasResolvesToExactlyItsOperation() {
        for (Operation operation : catalog.operations()) {
            assertThat(catalog.resolve(operation.name())).containsExactly(operation);
            assertThat(catalog.resolve(operation.operationId())).containsExactly(operation);
            for (String alias : operation.aliases()) {
                assertThat(catalog.resolve(alias)).as("alias %s", alias).containsExactly(operation);
            }
        }
    }

    @Test
    void exactlySixGenericActionsResolveToSeveralOperations() {
        assertThat(catalog.genericNames()).containsOnlyKeys("Create Tag Relationships", "Delete Tag Relationships",
                "Get Event Relationships", "Get Profile Relationships", "Get Segment Relationships",
                "Get Tag Relationships");
        assertThat(catalog.resolve("Get Event Relationships")).extracting(Operation::operationId)
                .containsExactlyInAnyOrder("get_metric_id_for_event", "get_profile_id_for_event");
        assertThat(catalog.resolve("Create Tag Relationships")).extracting(Operation::name)
                .containsExactlyInAnyOrder("tags/add-campaigns", "tags/add-flows", "tags/add-lists",
                        "tags/add-segments");
        // the operations of a generic action differ in their last path segment, the endpoint's "relationship"
        catalog.genericNames().forEach((action, operations) -> assertThat(operations.stream()
                .map(o -> o.path().substring(o.path().lastIndexOf('/') + 1)).distinct()).hasSize(operations.size()));
    }

    @Test
    void unknownNamesResolveToNothing() {
        assertThat(catalog.resolve("profiles/creat")).isEmpty();
        assertThat(catalog.resolve("")).isEmpty();
    }

    @Test
    void lookupKeysIgnoreCaseAndPunctuation() {
        assertThat(OperationNames.key("Add Profile to List")).isEqualTo("add-profile-to-list");
        assertThat(OperationNames.key("add_profiles_to_list")).isEqualTo("add-profiles-to-list");
        assertThat(OperationNames.key("lists/add-profiles")).isEqualTo("lists/add-profiles");
        assertThat(OperationNames.key(" Lists / Add Profiles ")).isEqualTo("lists/add-profiles");
        assertThat(OperationNames.key("Unsuppress Profiles (Bulk)")).isEqualTo("unsuppress-profiles-bulk");
        assertThat(catalog.resolve("Lists / Add_Profiles")).extracting(Operation::operationId)
                .containsExactly("add_profiles_to_list");
    }

    @Test
    void closestSuggestsTheIntendedName() {
        assertThat(OperationNames.closest("profiles/creat", catalog.allNames(), 1)).containsExactly("profiles/create");
        assertThat(OperationNames.closest("Get Profils", catalog.allNames(), 3)).contains("Get Profiles");
    }

    @Test
    void addProfilesToList() {
        Operation operation = catalog.byName("lists/add-profiles");

        assertThat(operation.operationId()).isEqualTo("add_profiles_to_list");
        assertThat(operation.aliases()).contains("create_list_relationships");
        assertThat(operation.actions()).containsExactly("Add Profile to List");
        assertThat(operation.method()).isEqualTo("POST");
        assertThat(operation.path()).isEqualTo("/api/lists/{id}/relationships/profiles");
        assertThat(operation.pathParams()).containsExactly("id");
        assertThat(operation.tag()).isEqualTo("Lists");
        assertThat(operation.body().contentType()).isEqualTo("application/vnd.api+json");
        assertThat(operation.body().required()).isTrue();
        assertThat(operation.body().type()).isEqualTo("profile");
        assertThat(operation.body().many()).isTrue();
        assertThat(operation.body().multipart()).isFalse();
        assertThat(operation.rateLimit()).isEqualTo(new RateLimit(10, 150, null, "M", List.of()));
        assertThat(operation.scopes()).containsExactly("lists:write", "profiles:write");
        assertThat(operation.pagination()).isEqualTo(Pagination.NONE);
        assertThat(operation.successCodes()).containsExactly(204);
        assertThat(operation.client()).isFalse();
    }

    @Test
    void getProfilesPagesFiltersAndHasASlowPath() {
        Operation operation = catalog.resolve("get_profiles").iterator().next();

        assertThat(operation.name()).isEqualTo("profiles/list");
        assertThat(operation.pagination()).isEqualTo(Pagination.CURSOR);
        assertThat(operation.pageSize()).isEqualTo(new PageSize(20, 100));
        assertThat(operation.filters()).containsEntry("email", List.of("any", "equals"))
                .containsEntry("updated", List.of("greater-than", "less-than"));
        assertThat(operation.sort()).contains("updated", "-updated");
        assertThat(operation.include()).containsExactly("conversations", "push-tokens");
        assertThat(operation.fields()).containsExactly("conversation", "profile", "push-token");
        assertThat(operation.additionalFields())
                .containsEntry("profile", List.of("subscriptions", "predictive_analytics"));
        assertThat(operation.acceptsQuery("page[size]")).isTrue();
        assertThat(operation.rateLimit()).isEqualTo(new RateLimit(75, 750, null, "L",
                List.of(new SlowPath("additional-fields[profile]", "predictive_analytics", 10, 150))));
    }

    @Test
    void getProfileHasTwoSlowPathsAndGetListOne() {
        assertThat(catalog.byName("profiles/get").rateLimit().slowPaths()).containsExactly(
                new SlowPath("include", "list", 1, 15), new SlowPath("include", "segment", 1, 15));
        assertThat(catalog.byName("lists/get").rateLimit().slowPaths()).containsExactly(
                new SlowPath("additional-fields[list]", "profile_count", 1, 15));
        long withSlowPaths = catalog.operations().stream()
                .filter(o -> !o.rateLimit().slowPaths().isEmpty()).count();
        assertThat(withSlowPaths).isEqualTo(6);
    }

    @Test
    void bulkJobsNameTheOperationThatReadsTheJob() {
        Operation spawn = catalog.resolve("bulk_import_profiles").iterator().next();
        assertThat(spawn.jobOperation()).isEqualTo("profile-bulk-import-jobs/get");
        Operation read = catalog.byName(spawn.jobOperation());
        assertThat(read.method()).isEqualTo("GET");
        assertThat(read.path()).startsWith(spawn.path() + "/{");
        assertThat(spawn.body().type()).isEqualTo("profile-bulk-import-job");
        assertThat(spawn.body().requiredAttributes()).containsExactly("profiles");
        // the spec has no GET for a single data-privacy deletion job
        assertThat(catalog.resolve("request_profile_deletion").iterator().next().jobOperation()).isNull();
    }

    @Test
    void clientOperationsUseThePublicKey() {
        Operation operation = catalog.byName("client-subscriptions/create");

        assertThat(operation.client()).isTrue();
        assertThat(operation.path()).isEqualTo("/client/subscriptions");
        assertThat(operation.queryParams()).contains(new QueryParam("company_id", true));
        assertThat(catalog.operations().stream().filter(Operation::client).count()).isEqualTo(12);
        assertThat(catalog.operations()).filteredOn(Operation::client)
                .allSatisfy(o -> assertThat(o.name()).startsWith("client-"));
    }

    @Test
    void reportingQueriesPageWithPageCursorAndHaveADailyCap() {
        Operation operation = catalog.resolve("query_flow_series").iterator().next();

        assertThat(operation.name()).isEqualTo("flow-series-reports/create");
        assertThat(operation.pagination()).isEqualTo(Pagination.PAGE_CURSOR);
        assertThat(operation.rateLimit()).isEqualTo(new RateLimit(1, 2, 225, null, List.of()));
        assertThat(operation.body().requiredAttributes()).contains("statistics", "timeframe", "interval");
    }

    @Test
    void imageUploadIsMultipart() {
        Operation operation = catalog.resolve("upload_image_from_file").iterator().next();

        assertThat(operation.body().multipart()).isTrue();
        assertThat(operation.body().contentType()).isEqualTo("multipart/form-data");
        assertThat(operation.body().type()).isNull();
    }

    @Test
    void paginationKindsAndSuccessCodes() {
        assertThat(catalog.byName("accounts/list").pagination()).isEqualTo(Pagination.LINKS);
        assertThat(catalog.byName("accounts/get").pagination()).isEqualTo(Pagination.NONE);
        assertThat(catalog.operations()).filteredOn(o -> o.pagination() == Pagination.CURSOR).hasSize(64);
        assertThat(catalog.resolve("create_or_update_profile").iterator().next().successCodes())
                .containsExactly(200, 201);
        assertThat(catalog.byName("campaigns/list").queryParams()).contains(new QueryParam("filter", true));
        assertThat(catalog.byName("lists/create").rateLimit().daily()).isEqualTo(150);
    }
}
