// The bundled sample (resources/samples/article-sample.json) is what `wslatlas-cli import` makes of
// tests/fixtures/captures/import-article: when the parsers, the inference or the network model change,
// this fails until the sample is regenerated (resources/samples/README.md says how).
#include "gtest_fixtures.h"
#include "model_fixtures.h"
#include "snapshot_json.h"
#include "test_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace wslatlas;

namespace {

const std::string kSample = WSLATLAS_SOURCE_DIR "/resources/samples/article-sample.json";
const char *const kRegenerate = "regenerate it: wslatlas-cli import tests/fixtures/captures/import-article "
                                "-o resources/samples/article-sample.json";

} // namespace

TEST(BundledSample, IsTheImportOfTheArticleCaptures)
{
    Snapshot committed;
    std::string error;
    ASSERT_TRUE(test::succeeded(loadSnapshotFile(kSample), committed));
    ASSERT_FALSE(committed.pidNamespaces.empty());

    // takenAt is when the sample was made: the only field allowed to differ.
    const Snapshot imported = test::importFixtureFolder("captures/import-article", committed.takenAt);
    const nlohmann::json want = nlohmann::json::parse(snapshotToJson(committed));
    const nlohmann::json got = nlohmann::json::parse(snapshotToJson(imported));
    for (const char *section :
         {"pid_namespaces", "processes", "network", "vantages", "distros", "captures", "findings"})
        EXPECT_EQ(got.at(section), want.at(section)) << section << " differs; " << kRegenerate;
    EXPECT_EQ(got, want) << kRegenerate;

    // And loading lost nothing: the file as written is what the loaded snapshot writes.
    EXPECT_EQ(nlohmann::json::parse(test::readFile(kSample)), want);
}

TEST(BundledSample, ShowsTheArticlesTree)
{
    Snapshot sample;
    std::string error;
    ASSERT_TRUE(test::succeeded(loadSnapshotFile(kSample), sample));
    EXPECT_FALSE(sample.partial());
    for (const auto &[id, parent] :
         std::vector<std::pair<std::string, std::string>>{{"pid:[4026531836]", ""},
                                                          {"pid:[4026532245]", "pid:[4026531836]"},
                                                          {"pid:[4026532257]", "pid:[4026532245]"},
                                                          {"pid:[4026532771]", "pid:[4026531836]"},
                                                          {"pid:[4026532784]", "pid:[4026532771]"}}) {
        const PidNamespace *ns = sample.findNamespace(id);
        ASSERT_NE(ns, nullptr) << id;
        EXPECT_EQ(ns->parent, parent) << id;
    }
    ASSERT_TRUE(sample.network.nat);
    EXPECT_EQ(sample.network.nat->network, "172.19.128.0/20");
}
