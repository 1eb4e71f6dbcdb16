#include "file_io.h"
#include "gtest_fixtures.h"
#include "infer.h"
#include "snapshot_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

using namespace wslatlas;
namespace fs = std::filesystem;

namespace {

Snapshot sample()
{
    Snapshot s;
    s.takenAt = "2026-11-21T05:00:00Z";
    s.vantages.push_back(
        {"vm",
         VantageRole::Vm,
         "",
         true,
         "",
         "pid:[4026531836]",
         "net:[4026531840]",
         "5.15.146.1",
         "host",
         "CBL-Mariner",
         3,
         MemoryInfo{8'000'000'000, 5'000'000'000, 6'500'000'000, 1'200'000'000, 2'000'000'000, 1'900'000'000},
         {"a warning"}});
    s.vantages.push_back(
        {"broken", VantageRole::Distro, "Debian", false, "did not finish", "", "", "", "", "", 0, {}, {}});
    PidNamespace root;
    root.id = "pid:[4026531836]";
    root.inode = 4026531836;
    root.role = NamespaceRole::Vm;
    root.label = "Mariner VM";
    root.depth = 0;
    root.processCount = 1;
    root.evidence.push_back({EvidenceKind::InitialNamespace, "", 0, 0, "root"});
    PidNamespace unseen;
    unseen.id = "pid:[?1]";
    unseen.parent = root.id;
    unseen.role = NamespaceRole::Unknown;
    unseen.label = "Unseen level";
    unseen.name = {NameKind::NestedIn, "Ubuntü", {}, "sh"}; // not what such a level is named; all fields set
    unseen.depth = 1;
    unseen.evidence.push_back({EvidenceKind::PpidWalk, "vm", 226, 221, "walked"});
    s.pidNamespaces = {root, unseen};
    Process p;
    p.name = "sleep";
    p.cmdline = "sleep 680001 \xff\xfe"; // bytes from /proc need not be UTF-8
    p.pidNs = root.id;
    p.chain = {{root.id, 48950}};
    p.uid = 1000;
    p.startTicks = 123456;
    p.ns = {{"pid", 4026531836}, {"net", 4026531840}};
    p.seenBy = {"vm"};
    p.rssBytes = 314572800;
    p.cpuSeconds = 12.37;
    p.container = ContainerRef{ContainerEngine::Podman, "3f4e5a6b7c8d" + std::string(52, '0')};
    s.processes.push_back(p);
    Distro ubuntu;
    ubuntu.name = "Ubuntu-20.04";
    ubuntu.state = "Running";
    ubuntu.version = 2;
    ubuntu.isDefault = true;
    ubuntu.basePath = "C:\\Users\\u\\AppData\\Local\\Packages\\Ubuntu";
    ubuntu.flags = 15;
    s.distros.push_back(ubuntu);
    HostAdapter wsl;
    wsl.name = "vEthernet (WSL (Hyper-V firewall))";
    wsl.wsl = true;
    wsl.ipv4 = {{"172.19.128.1", 20}};
    wsl.ipv6 = {{"fe80::4817:b6e:4576:c2c3", 64}};
    s.network.hostAdapters.push_back(wsl);
    VirtualSwitch sw;
    sw.id = "790E58B4-7939-4434-9358-89AE7DDBE87E";
    sw.name = "WSL (Hyper-V firewall)";
    sw.type = "ICS";
    sw.subnet = "172.19.128.0/20";
    sw.gateway = "172.19.128.1";
    sw.bindings.push_back({"vSwitch (WSL (Hyper-V firew...", "ms_wfplwf_vswitch",
                           "Microsoft Windows Filtering Platform", false});
    s.network.switches.push_back(sw);
    s.network.nat = NatConfig{"172.19.128.0/20", "172.19.128.1", ""};
    s.network.subnets.push_back(
        {"172.19.128.0/20", "172.19.128.0", "172.19.143.255", "172.19.128.1", "172.19.143.254", 4096});
    s.network.links.push_back({"adapter:vEthernet (WSL (Hyper-V firewall))", "switch:WSL (Hyper-V firewall)",
                               LinkKind::Attached, "by name"});
    s.captures.push_back({"ipconfig", false, "no output"});
    NetNamespace net;
    net.id = "net:[4026531840]";
    net.inode = 4026531840;
    net.distros = {"Ubuntu-20.04"};
    net.interfaces.push_back(
        {"eth0", "00:15:5d:73:e1:0e", 1500, true, {{"172.19.132.144", 20}}, {{"fe80::1", 64}}});
    net.routes.push_back({"default", "172.19.128.1", "eth0", ""});
    net.nameservers = {"172.19.128.1"};
    s.network.namespaces.push_back(net);
    s.network.findings.push_back({Severity::Info, "shared"});
    s.findings.push_back({Severity::Warning, "disagree"});
    return s;
}

std::string readAll(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    return data.str();
}

// The library takes UTF-8 paths (pathFromUtf8); fs::path::string() would give the ANSI code page on Windows.
std::string utf8(const fs::path &path)
{
    const std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

struct TempDir
{
    fs::path path = fs::temp_directory_path() /
                    ("wslatlas-json-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                     "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

TEST(SnapshotJson, ContractFieldsAreWritten)
{
    const auto doc = nlohmann::json::parse(snapshotToJson(sample()));
    EXPECT_EQ(doc["schema"], "wslatlas.snapshot/1");
    EXPECT_EQ(doc["taken_at"], "2026-11-21T05:00:00Z");
    EXPECT_EQ(doc["vantages"][0]["pid_ns"], "pid:[4026531836]");
    EXPECT_TRUE(doc["vantages"][0]["error"].is_null());
    EXPECT_EQ(doc["vantages"][1]["ok"], false);
    EXPECT_EQ(doc["pid_namespaces"][0]["inode"], 4026531836ull);
    EXPECT_TRUE(doc["pid_namespaces"][0]["parent"].is_null());
    EXPECT_TRUE(doc["pid_namespaces"][1]["inode"].is_null());
    EXPECT_EQ(doc["pid_namespaces"][1]["role"], "unknown");
    EXPECT_EQ(doc["processes"][0]["chain"][0]["pid"], 48950);
    EXPECT_EQ(doc["processes"][0]["ns"]["net"], "net:[4026531840]");
    EXPECT_EQ(doc["distros"][0]["default"], true);
    EXPECT_EQ(doc["network"]["namespaces"][0]["interfaces"][0]["ipv4"][0]["prefix"], 20);
    EXPECT_TRUE(doc["network"]["host_adapters"].is_array());
    // Invalid UTF-8 from /proc is replaced, not fatal.
    EXPECT_NE(doc["processes"][0]["cmdline"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(SnapshotJson, WritesWhatNlohmannDumps)
{
    // snapshotToJson streams its text; it must be byte for byte nlohmann's dump(2) of the same document,
    // escapes, empty arrays and objects, and U+FFFD for invalid UTF-8 included.
    Snapshot s = sample();
    std::string everyByte;
    for (int c = 0; c < 256; ++c)
        everyByte += static_cast<char>(c);
    s.processes[0].name = everyByte;
    s.processes[0].cmdline = "a\"b\\c\td\x7f \xc3\xa9 \xe2\x82\xac \xed\xa0\x80 \xf0\x9f\x98\x80 \xc3";
    s.processes[0].chain.push_back({"pid:[?1]", -3});
    s.vantages[0].warnings = {"tab\there", ""};
    Process bare;
    bare.pidNs = "pid:[4026531836]";
    bare.chain = {{"pid:[4026531836]", 1}};
    s.processes.push_back(bare); // no links, seen by nobody, no uid or start time
    const std::string text = snapshotToJson(s);
    const auto doc = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n", text);
}

TEST(SnapshotJson, RoundTrip)
{
    const Snapshot original = sample();
    Snapshot loaded;
    std::string error;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(snapshotToJson(original)), loaded));
    // Writing what was read gives the same text (the replaced bytes are already replaced).
    Snapshot again;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(snapshotToJson(loaded)), again));
    EXPECT_EQ(snapshotToJson(loaded), snapshotToJson(again));
    EXPECT_EQ(loaded.pidNamespaces.size(), 2u);
    EXPECT_EQ(loaded.pidNamespaces[1].parent, "pid:[4026531836]");
    EXPECT_FALSE(loaded.pidNamespaces[1].inode.has_value());
    EXPECT_EQ(loaded.pidNamespaces[1].evidence.at(0).pid, 226);
    EXPECT_EQ(loaded.pidNamespaces[1].name, (NamespaceName{NameKind::NestedIn, "Ubuntü", {}, "sh"}));
    EXPECT_EQ(loaded.pidNamespaces[0].name, NamespaceName{}); // none stored: none read
    EXPECT_EQ(loaded.processes.at(0).ns.at("net"), 4026531840u);
    EXPECT_EQ(loaded.processes.at(0).startTicks, 123456u);
    const Process &p = loaded.processes.at(0);
    EXPECT_EQ(p.rssBytes, std::optional<std::uint64_t>(314572800));
    EXPECT_EQ(p.cpuSeconds, std::optional<double>(12.37)); // a double comes back exactly
    ASSERT_TRUE(p.container);
    EXPECT_EQ(p.container->engine, ContainerEngine::Podman);
    EXPECT_EQ(p.container->shortId(), "3f4e5a6b7c8d");
    EXPECT_EQ(loaded.vantages.at(0).memory, sample().vantages.at(0).memory);
    EXPECT_FALSE(loaded.vantages.at(1).memory); // none read: none written
    EXPECT_EQ(snapshotToJson(loaded).find("\"memory\"", snapshotToJson(loaded).find("\"broken\"")),
              std::string::npos);
    EXPECT_EQ(loaded.vantages.at(1).error, "did not finish");
    EXPECT_TRUE(loaded.partial());
    EXPECT_EQ(loaded.network.namespaces.at(0).routes.at(0).gateway, "172.19.128.1");
    EXPECT_EQ(loaded.findings.at(0).text, "disagree");
    EXPECT_EQ(loaded.distros.at(0).flags, 15);
    EXPECT_EQ(loaded.network.hostAdapters.at(0).ipv4.at(0).prefix, 20);
    EXPECT_FALSE(loaded.network.switches.at(0).bindings.at(0).enabled);
    ASSERT_TRUE(loaded.network.nat);
    EXPECT_EQ(loaded.network.nat->gateway, "172.19.128.1");
    EXPECT_EQ(loaded.network.subnets.at(0).addresses, 4096u);
    EXPECT_EQ(loaded.network.links.at(0).kind, LinkKind::Attached);
}

// A name this version does not know keeps the file's label; a name that is not an object is refused.
TEST(SnapshotJson, NamespaceNames)
{
    const auto file = [](const std::string &name) {
        return R"({"schema": "wslatlas.snapshot/1", "vantages": [], "pid_namespaces": [{"id": "pid:[5]", "role": "unknown",
                   "label": "Sandbox of Ubuntu", "name": )" +
               name + "}], \"processes\": []}";
    };
    Snapshot s;
    std::string error;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(file(R"({"kind": "sandbox-of", "subject": "Ubuntu"})")), s));
    EXPECT_EQ(s.pidNamespaces.at(0).name.kind, NameKind::None);
    EXPECT_EQ(s.pidNamespaces.at(0).label, "Sandbox of Ubuntu");
    EXPECT_EQ(snapshotToJson(s).find("sandbox-of"), std::string::npos); // not written back as something else
    ASSERT_TRUE(
        test::succeeded(snapshotFromJson(file(R"({"kind": "isolation", "distros": ["A", "B"]})")), s));
    EXPECT_EQ(s.pidNamespaces.at(0).name, (NamespaceName{NameKind::Isolation, "", {"A", "B"}, ""}));
    EXPECT_EQ(englishLabel(s.pidNamespaces.at(0).name), "Isolation (A, B)");
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file(R"("isolation")")), error));
    EXPECT_NE(error.find("\"name\" is not an object"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file(R"({"subject": "x"})")), error));
    EXPECT_NE(error.find("\"kind\""), std::string::npos) << error;
}

// Kinds are enums inside and words only in the file: every word reads back as the value it was written
// from, an unknown severity, link kind or vantage role is refused by name, an unknown evidence kind is kept
// as Unknown with its text.
TEST(SnapshotJson, KindsAreReadStrictly)
{
    for (Severity v : {Severity::Info, Severity::Warning, Severity::Error}) {
        Severity back = v == Severity::Info ? Severity::Error : Severity::Info;
        EXPECT_TRUE(fromString(toString(v), back));
        EXPECT_EQ(back, v);
    }
    for (LinkKind v : {LinkKind::Attached, LinkKind::Serves, LinkKind::DefaultRoute}) {
        LinkKind back = v == LinkKind::Serves ? LinkKind::Attached : LinkKind::Serves;
        EXPECT_TRUE(fromString(toString(v), back));
        EXPECT_EQ(back, v);
    }
    for (EvidenceKind v :
         {EvidenceKind::VantageLevel, EvidenceKind::PpidWalk, EvidenceKind::Derived,
          EvidenceKind::InitialNamespace, EvidenceKind::NoVantageAbove, EvidenceKind::Placeholder}) {
        EvidenceKind back = EvidenceKind::Unknown;
        EXPECT_TRUE(fromString(toString(v), back));
        EXPECT_EQ(back, v);
    }
    for (VantageRole v : {VantageRole::Vm, VantageRole::System, VantageRole::Distro, VantageRole::Host}) {
        VantageRole back = v == VantageRole::Vm ? VantageRole::Host : VantageRole::Vm;
        EXPECT_TRUE(fromString(toString(v), back));
        EXPECT_EQ(back, v);
    }
    Severity untouched = Severity::Warning;
    EXPECT_FALSE(fromString("Warning", untouched)); // case matters: the file's words are lower case
    EXPECT_EQ(untouched, Severity::Warning);

    const auto file = [](const std::string &vantageRole, const std::string &evidence, const std::string &link,
                         const std::string &severity) {
        return R"({"schema": "wslatlas.snapshot/1", "vantages": [{"name": "vm", "role": ")" + vantageRole +
               R"("}], "pid_namespaces": [{"id": "pid:[5]", "role": "vm", "evidence": [{"kind": ")" +
               evidence +
               R"(", "text": "seen from a vantage of a newer version"}]}], "processes": [], "network": {"links": [{"from": "a", "to": "b", "kind": ")" +
               link + R"("}], "findings": [{"severity": ")" + severity + R"(", "text": "t"}]}})";
    };
    Snapshot s;
    std::string error;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(file("system", "ppid-walk", "serves", "warning")), s));
    EXPECT_EQ(s.vantages.at(0).role, VantageRole::System);
    EXPECT_EQ(s.pidNamespaces.at(0).evidence.at(0).kind, EvidenceKind::PpidWalk);
    EXPECT_EQ(s.network.links.at(0).kind, LinkKind::Serves);
    EXPECT_EQ(s.network.findings.at(0).severity, Severity::Warning);

    ASSERT_TRUE(test::succeeded(snapshotFromJson(file("vm", "sixth-sense", "serves", "info")), s));
    EXPECT_EQ(s.pidNamespaces.at(0).evidence.at(0).kind, EvidenceKind::Unknown);
    EXPECT_EQ(s.pidNamespaces.at(0).evidence.at(0).text, "seen from a vantage of a newer version");

    EXPECT_TRUE(test::failsWith(snapshotFromJson(file("vm", "ppid-walk", "serves", "critical")), error));
    EXPECT_NE(error.find(R"("severity" "critical")"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file("vm", "ppid-walk", "tunnels", "info")), error));
    EXPECT_NE(error.find(R"(link 0 has an unknown "kind" "tunnels")"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file("local", "ppid-walk", "serves", "info")), error));
    EXPECT_NE(error.find(R"(vantage 0 has an unknown "role" "local")"), std::string::npos) << error;
}

TEST(SnapshotJson, RefusesCorruptAndForeignFiles)
{
    Snapshot s;
    std::string error;
    EXPECT_TRUE(
        test::failsWith(snapshotFromJson("{\"schema\": \"wslatlas.snapshot/1\", \"vantages\": ["), error));
    EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
    // nlohmann throws out_of_range, not parse_error, for a number no double holds (fuzz_snapshot_json).
    EXPECT_TRUE(
        test::failsWith(snapshotFromJson(R"({"schema": "wslatlas.snapshot/1", "taken_at": 1e400})"), error));
    EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
    EXPECT_NE(error.find("1e400"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson("[1, 2, 3]"), error));
    EXPECT_NE(error.find("not a WSL Atlas snapshot"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson(R"({"schema": "something/1"})"), error));
    EXPECT_NE(error.find("not a WSL Atlas snapshot"), std::string::npos) << error;
    EXPECT_TRUE(
        test::failsWith(snapshotFromJson(R"({"schema": "wslatlas.snapshot/2", "vantages": []})"), error));
    EXPECT_NE(error.find("format 2"), std::string::npos) << error;
    EXPECT_NE(error.find("update WSL Atlas"), std::string::npos) << error;
    EXPECT_TRUE(
        test::failsWith(snapshotFromJson(R"({"schema": "wslatlas.snapshot/1", "vantages": []})"), error));
    EXPECT_NE(error.find("pid_namespaces"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(
        snapshotFromJson(
            R"({"schema": "wslatlas.snapshot/1", "vantages": [], "pid_namespaces": [{"id": "pid:[1]", "role": "king"}], "processes": []})"),
        error));
    EXPECT_NE(error.find("king"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(
        snapshotFromJson(
            R"({"schema": "wslatlas.snapshot/1", "vantages": [], "pid_namespaces": [{"id": "pid:[1]", "role": "vm", "parent": "pid:[2]"}], "processes": []})"),
        error));
    EXPECT_NE(error.find("pid:[2]"), std::string::npos) << error;
    // A number its field cannot hold is refused, not wrapped around (found with fuzz_snapshot_json's check).
    EXPECT_TRUE(test::failsWith(
        snapshotFromJson(
            R"({"schema": "wslatlas.snapshot/1", "vantages": [{"name": "vm", "role": "vm", "process_count": 4294967297}], "pid_namespaces": [], "processes": []})"),
        error));
    EXPECT_NE(error.find("\"process_count\" is out of range (4294967297)"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(
        snapshotFromJson(
            R"({"schema": "wslatlas.snapshot/1", "vantages": [], "pid_namespaces": [{"id": "pid:[1]", "role": "vm", "inode": -1}], "processes": []})"),
        error));
    EXPECT_NE(error.find("\"inode\" is out of range (-1)"), std::string::npos) << error;
    // A namespace link is "TYPE:[INODE]" under its type, nothing more (found by fuzz_snapshot_json: trailing
    // text was dropped, a sign wrapped around, another type's link was taken).
    for (const char *link : {R"("uts": "uts:[4026531838]=")", R"("net": "net:[-1]")", R"("net": "mnt:[5]")",
                             R"("net": "net:[ 5]")", R"("net": "net:[]")"}) {
        EXPECT_TRUE(test::failsWith(
            snapshotFromJson(
                std::string(
                    R"({"schema": "wslatlas.snapshot/1", "vantages": [], "pid_namespaces": [{"id": "pid:[1]", "role": "vm"}], "processes": [{"pid_ns": "pid:[1]", "chain": [{"ns": "pid:[1]", "pid": 1}], "ns": {)") +
                link + "}}]}"),
            error))
            << link;
        EXPECT_NE(error.find("bad namespace link"), std::string::npos) << link << ": " << error;
    }
    // A minor version of format 1 is still read.
    EXPECT_TRUE(test::succeeded(
        snapshotFromJson(
            R"({"schema": "wslatlas.snapshot/1.3", "vantages": [], "pid_namespaces": [], "processes": [], "future": 1})"),
        s));
}

TEST(SnapshotJson, AtomicWriteNeverLeavesAHalfFile)
{
    TempDir dir;
    const fs::path file = dir.path / "snap.json";
    std::string error;
    ASSERT_TRUE(test::succeeded(saveSnapshotFile(file.string(), sample())));
    const std::string good = readAll(file);
    Snapshot loaded;
    ASSERT_TRUE(test::succeeded(loadSnapshotFile(file.string()), loaded));

    // A write that cannot complete (its target is a directory) leaves the good file and no temp files.
    const fs::path blocked = dir.path / "blocked";
    fs::create_directories(blocked / "inside");
    EXPECT_TRUE(test::failsWith(writeFileAtomically(blocked.string(), "new"), error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(readAll(file), good);
    std::size_t entries = 0;
    for (const auto &e : fs::directory_iterator(dir.path)) {
        (void)e;
        ++entries;
    }
    EXPECT_EQ(entries, 2u); // snap.json and blocked/, nothing half-written

    EXPECT_TRUE(test::failsWith(loadSnapshotFile((dir.path / "missing.json").string()), error));
    EXPECT_NE(error.find("missing.json"), std::string::npos);
}

TEST(SnapshotJson, AtomicWriteReplacesAnExistingFile)
{
    // The second save goes over the first: rename must replace on Windows as it does on Linux.
    TempDir dir;
    const fs::path file = dir.path / "replace.json";
    std::string error;
    ASSERT_TRUE(test::succeeded(writeFileAtomically(utf8(file), "first")));
    ASSERT_TRUE(test::succeeded(writeFileAtomically(utf8(file), "second, longer")));
    EXPECT_EQ(readAll(file), "second, longer");
    std::size_t entries = 0;
    for (const auto &e : fs::directory_iterator(dir.path)) {
        EXPECT_EQ(e.path().filename(), "replace.json");
        ++entries;
    }
    EXPECT_EQ(entries, 1u); // no temp file left behind
}

TEST(SnapshotJson, Utf8PathsNameTheRealFile)
{
    // Korean and an accent: on Windows a path taken as ANSI instead of UTF-8 would name another file.
    TempDir dir;
    const std::u8string name = u8"\uc2a4\ub0c5\uc0f7 \u00e9.json";
    const fs::path file = dir.path / name;
    std::string error;
    ASSERT_TRUE(test::succeeded(saveSnapshotFile(utf8(file), sample())));
    ASSERT_TRUE(fs::is_regular_file(file));
    // Compared as UTF-8 bytes in std::string: Debian's prebuilt GoogleTest cannot print a std::u8string.
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(dir.path))
        names.push_back(utf8(e.path().filename()));
    EXPECT_EQ(names, std::vector<std::string>{std::string(name.begin(), name.end())});
    Snapshot loaded;
    ASSERT_TRUE(test::succeeded(loadSnapshotFile(utf8(file)), loaded));
    EXPECT_EQ(snapshotToJson(loaded), snapshotToJson(sample()));
    EXPECT_TRUE(test::failsWith(loadSnapshotFile(utf8(dir.path / u8"\u00e9-missing.json")), error));
    EXPECT_NE(error.find("\xC3\xA9-missing.json"), std::string::npos) << error; // the message keeps UTF-8
}

TEST(SnapshotJson, InferredSnapshotRoundTrips)
{
    VantageRun run;
    run.spec = {"host", VantageRole::Host, "", {"sh", "-s"}};
    VantageObservation obs;
    obs.selfNspid = {1};
    obs.selfNs = {{"pid", 4026531836}, {"net", 4026531840}};
    ProcessObservation p;
    p.pid = 1;
    p.nspid = {1};
    p.name = "init";
    p.ns = {{"pid", 4026531836}};
    obs.processes.push_back(p);
    run.observation = obs;
    const Snapshot s = inferSnapshot({run}, "2026-11-21T05:00:00Z");
    Snapshot loaded;
    std::string error;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(snapshotToJson(s)), loaded));
    EXPECT_EQ(snapshotToJson(loaded), snapshotToJson(s));
}

TEST(SnapshotJson, ResourceUseIsCheckedAndOldFilesStayReadable)
{
    auto file = [](const std::string &process) {
        return R"({"schema": "wslatlas.snapshot/1", "vantages": [], "pid_namespaces": [{"id": "pid:[1]", "role": "container"}], "processes": [{"pid_ns": "pid:[1]", "chain": [{"ns": "pid:[1]", "pid": 1}])" +
               process + "}]}";
    };
    Snapshot s;
    std::string error;
    ASSERT_TRUE(test::succeeded(snapshotFromJson(file("")), s)); // a file from before issue 13
    EXPECT_FALSE(s.processes.at(0).rssBytes);
    EXPECT_FALSE(s.processes.at(0).container);
    EXPECT_EQ(s.pidNamespaces.at(0).role, NamespaceRole::Container);
    // A whole number of seconds is a number too, and is written back as the same value.
    ASSERT_TRUE(test::succeeded(snapshotFromJson(file(R"(, "cpu_seconds": 12, "container": null)")), s));
    EXPECT_EQ(s.processes.at(0).cpuSeconds, std::optional<double>(12));
    // An engine this version does not know is kept as unknown; its id stays.
    ASSERT_TRUE(test::succeeded(
        snapshotFromJson(file(R"(, "container": {"engine": "crio", "id": "0123456789abcdef"})")), s));
    EXPECT_EQ(s.processes.at(0).container->engine, ContainerEngine::Unknown);
    EXPECT_EQ(s.processes.at(0).container->id, "0123456789abcdef");
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file(R"(, "cpu_seconds": -1)")), error));
    EXPECT_NE(error.find("\"cpu_seconds\" is out of range"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file(R"(, "rss_bytes": 1.5)")), error));
    EXPECT_NE(error.find("\"rss_bytes\" must be a whole number"), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(snapshotFromJson(file(R"(, "container": {"engine": "docker"})")), error));
    EXPECT_NE(error.find("\"id\""), std::string::npos) << error;
}
