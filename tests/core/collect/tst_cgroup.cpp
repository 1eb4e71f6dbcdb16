// containerFromCgroup on the cgroup paths container engines make (cgroup v1, v2 and both), and on paths
// that name no container. Sources of the shapes: docker's cgroupfs and systemd drivers, kubelet's
// (cgroupfs: kubepods/CLASS/podUID/ID; systemd: kubepods-CLASS-podUID.slice/RUNTIME-ID.scope), podman's
// libpod-ID.scope with its libpod-conmon-ID.scope monitor, containerd's /NAMESPACE/ID and nerdctl's
// nerdctl-ID.scope, LXC 4's lxc.payload.NAME and lxc.monitor.NAME and older LXC's /lxc/NAME; Docker Desktop
// in WSL uses the cgroupfs driver (/docker/ID and /kubepods at the top of its cgroup2 tree).
#include "cgroup.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace wslatlas;

namespace {

const std::string kId = "4f797c539e6c745de61a93ca3ff892358ecbcaccd8414d5db545c38428142970";
const std::string kId2 = "ec08435e04266c5ba381fccbb829f626d11d8ddf5f8f547263c7a2d79ab4787a";

struct Case
{
    const char *what;
    std::string file;
    std::optional<ContainerRef> expected;
};

std::optional<ContainerRef> in(ContainerEngine engine, const std::string &id)
{
    return ContainerRef{engine, id};
}

std::string v1All(const std::string &path)
{
    return "12:pids:" + path + "\n11:memory:" + path + "\n4:cpu,cpuacct:" + path +
           "\n1:name=systemd:" + path + "\n";
}

} // namespace

TEST(Cgroup, TheEnginesPathsAndThePathsOfNoContainer)
{
    const std::string pod = "kubepods-besteffort-pod045b1e35_7f13_11e7_ac42_0050568ffca0.slice";
    const std::string podSlice = "/kubepods.slice/kubepods-besteffort.slice/" + pod;
    const Case cases[] = {
        // docker
        {"docker, v1, cgroupfs driver", v1All("/docker/" + kId), in(ContainerEngine::Docker, kId)},
        {"docker, v1, systemd driver", v1All("/system.slice/docker-" + kId + ".scope"),
         in(ContainerEngine::Docker, kId)},
        {"docker, v2, systemd driver", "0::/system.slice/docker-" + kId + ".scope\n",
         in(ContainerEngine::Docker, kId)},
        {"docker, v2, cgroupfs driver (Docker Desktop)", "0::/docker/" + kId + "\n",
         in(ContainerEngine::Docker, kId)},
        {"docker, hybrid: v1 lines and a v2 line", v1All("/docker/" + kId) + "0::/docker/" + kId + "\n",
         in(ContainerEngine::Docker, kId)},
        {"docker, hybrid with an empty v2 line (systemd's hybrid mode)",
         "1:name=systemd:/system.slice/docker-" + kId + ".scope\n0::/\n", in(ContainerEngine::Docker, kId)},
        {"docker in docker: the inner one", v1All("/docker/" + kId + "/docker/" + kId2),
         in(ContainerEngine::Docker, kId2)},
        {"docker, a reader in another cgroup namespace", "0::/../../docker/" + kId + "\n",
         in(ContainerEngine::Docker, kId)},
        {"docker, rootless",
         "0::/user.slice/user-1000.slice/user@1000.service/docker.service/docker-" + kId + ".scope\n",
         in(ContainerEngine::Docker, kId)},
        // containerd
        {"nerdctl, systemd driver", "0::/system.slice/nerdctl-" + kId + ".scope\n",
         in(ContainerEngine::Containerd, kId)},
        {"ctr or nerdctl, cgroupfs, namespace default", "0::/default/" + kId + "\n",
         in(ContainerEngine::Containerd, kId)},
        {"containerd, namespace k8s.io, v1", v1All("/k8s.io/" + kId), in(ContainerEngine::Containerd, kId)},
        {"cri-containerd outside a pod", "0::/system.slice/cri-containerd-" + kId + ".scope\n",
         in(ContainerEngine::Containerd, kId)},
        // Kubernetes
        {"kubernetes, v1 cgroupfs",
         v1All("/kubepods/besteffort/pod74ba62da-1a3d-11e7-bb11-080027cb0e22/" + kId),
         in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes, guaranteed class (no class folder)", "0::/kubepods/pod74ba62da-1a3d-11e7/" + kId + "\n",
         in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes, a sub-cgroup of the container",
         "0::/kubepods/burstable/podf8a694f2/" + kId + "/kube-proxy\n", in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes, systemd driver, containerd", "0::" + podSlice + "/cri-containerd-" + kId + ".scope\n",
         in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes, systemd driver, docker", v1All(podSlice + "/docker-" + kId + ".scope"),
         in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes, systemd driver, cri-o", "0::" + podSlice + "/crio-" + kId + ".scope\n",
         in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes in kind",
         "0::/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/"
         "kubelet-kubepods-besteffort-pod1234.slice/cri-containerd-" +
             kId + ".scope\n",
         in(ContainerEngine::Kubernetes, kId)},
        {"kubernetes in Docker Desktop (cgroupfs)", "0::/kubepods/besteffort/pod1fe19bf5/" + kId + "\n",
         in(ContainerEngine::Kubernetes, kId)},
        {"cri-o's monitor is no container", "0::" + podSlice + "/crio-conmon-" + kId + ".scope\n",
         std::nullopt},
        {"a pod's own cgroup is no container", "0::" + podSlice + "\n", std::nullopt},
        // podman
        {"podman, root, v2", "0::/machine.slice/libpod-" + kId + ".scope\n",
         in(ContainerEngine::Podman, kId)},
        {"podman, the container's sub-cgroup", "0::/machine.slice/libpod-" + kId + ".scope/container\n",
         in(ContainerEngine::Podman, kId)},
        {"podman, rootless",
         "0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + kId + ".scope\n",
         in(ContainerEngine::Podman, kId)},
        {"podman, in a pod", "0::/machine.slice/machine-libpod_pod_abc.slice/libpod-" + kId + ".scope\n",
         in(ContainerEngine::Podman, kId)},
        {"podman, cgroupfs", v1All("/libpod_parent/libpod-" + kId), in(ContainerEngine::Podman, kId)},
        {"podman's conmon is no container", "0::/machine.slice/libpod-conmon-" + kId + ".scope\n",
         std::nullopt},
        // lxc
        {"lxc 4, v2", "0::/lxc.payload.web1\n", in(ContainerEngine::Lxc, "web1")},
        {"lxc 4, inside the container's own cgroups", "0::/lxc.payload.web1/init.scope\n",
         in(ContainerEngine::Lxc, "web1")},
        {"lxc 3", v1All("/lxc.payload/web1"), in(ContainerEngine::Lxc, "web1")},
        {"lxc 2, v1", v1All("/lxc/web1"), in(ContainerEngine::Lxc, "web1")},
        {"lxc's monitor is no container", "0::/lxc.monitor.web1\n", std::nullopt},
        {"docker inside lxc: the inner one", "0::/lxc.payload.web1/system.slice/docker-" + kId + ".scope\n",
         in(ContainerEngine::Docker, kId)},
        // no container
        {"WSL 2's root", "0::/\n", std::nullopt},
        {"WSL 2, hybrid, the distro's process_api group",
         "9:name=systemd:/\n4:memory:/process_api/6e66844a46e43bf29158691c827df2df\n1:cpu:/\n0::/\n",
         std::nullopt},
        {"systemd's init", "0::/init.scope\n", std::nullopt},
        {"a user session", "0::/user.slice/user-1000.slice/session-2.scope\n", std::nullopt},
        {"a system service", "0::/system.slice/docker.service\n", std::nullopt},
        {"containerd itself", "0::/system.slice/containerd.service\n", std::nullopt},
        {"a v1 host process", v1All("/"), std::nullopt},
        {"a bare id at the top (an unknown engine)", v1All("/" + kId), std::nullopt},
        {"an id too short", "0::/docker/" + kId.substr(0, 12) + "\n", std::nullopt},
        {"an id in capitals", "0::/docker/4F797C539E6C745DE61A93CA3FF892358ECBCACCD8414D5DB545C38428142970\n",
         std::nullopt},
        {"no file", "", std::nullopt},
        {"not a cgroup file", "docker/" + kId + "\n", std::nullopt},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.what);
        const auto got = containerFromCgroup(c.file);
        EXPECT_EQ(got.has_value(), c.expected.has_value());
        if (got && c.expected) {
            EXPECT_EQ(got->engine, c.expected->engine);
            EXPECT_EQ(got->id, c.expected->id);
        }
        // CRLF (a terminal) changes nothing.
        std::string crlf;
        for (char ch : c.file)
            crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
        EXPECT_EQ(containerFromCgroup(crlf), got);
    }
}

TEST(Cgroup, TheV2LineWinsOverV1Lines)
{
    // A process moved in one hierarchy only: the unified hierarchy is the one engines manage today.
    const std::string file = "4:memory:/docker/" + kId + "\n0::/system.slice/libpod-" + kId2 + ".scope\n";
    EXPECT_EQ(containerFromCgroup(file), (ContainerRef{ContainerEngine::Podman, kId2}));
    const auto line = containerFromCgroupLine("0::/docker/" + kId);
    ASSERT_TRUE(line.has_value());
    EXPECT_TRUE(line->unified);
    EXPECT_FALSE(containerFromCgroupLine("4:memory:/docker/" + kId)->unified);
}

TEST(Cgroup, ShortIds)
{
    EXPECT_EQ((ContainerRef{ContainerEngine::Docker, kId}).shortId(), "4f797c539e6c");
    EXPECT_EQ((ContainerRef{ContainerEngine::Lxc, "web1"}).shortId(), "web1");
}
