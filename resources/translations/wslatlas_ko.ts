<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ChainText</name>
    <message>
        <source> · </source>
        <comment>between a process name and its NSpid chain</comment>
        <translation> · </translation>
    </message>
    <message>
        <source> → </source>
        <comment>between the levels of an NSpid chain, outermost first</comment>
        <translation> → </translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Vantage %1&apos;s /proc belongs to %2, and the processes of %3 have NSpid lists of length %4: %3 is %5 level below it.</source>
        <translation>관찰 지점 %1의 /proc는 %2에 속하고, %3의 프로세스는 NSpid 목록 길이가 %4입니다: %3은(는) 그보다 %5단계 아래입니다.</translation>
    </message>
    <message>
        <source>Vantage %1&apos;s /proc belongs to %2, and the processes of %3 have NSpid lists of length %4: %3 is %5 levels below it.</source>
        <translation>관찰 지점 %1의 /proc는 %2에 속하고, %3의 프로세스는 NSpid 목록 길이가 %4입니다: %3은(는) 그보다 %5단계 아래입니다.</translation>
    </message>
    <message>
        <source>In vantage %1, process %2 of %3 descends from process %4 in %5, %6 level up.</source>
        <translation>관찰 지점 %1에서 %3의 프로세스 %2은(는) %6단계 위인 %5의 프로세스 %4에서 나왔습니다.</translation>
    </message>
    <message>
        <source>In vantage %1, process %2 of %3 descends from process %4 in %5, %6 levels up.</source>
        <translation>관찰 지점 %1에서 %3의 프로세스 %2은(는) %6단계 위인 %5의 프로세스 %4에서 나왔습니다.</translation>
    </message>
    <message>
        <source>No vantage saw this level.</source>
        <translation>이 단계를 본 관찰 지점이 없습니다.</translation>
    </message>
    <message>
        <source>Add a vantage that lands in the levels between to name it.</source>
        <translation>이름을 알려면 그 사이 단계에 들어가는 관찰 지점을 추가하세요.</translation>
    </message>
    <message>
        <source>%1 sits below a level no vantage saw.</source>
        <translation>%1은(는) 어떤 관찰 지점도 보지 못한 단계 아래에 있습니다.</translation>
    </message>
    <message>
        <source>The pid namespace that owns vantage %1&apos;s /proc: none of its links were readable.</source>
        <translation>관찰 지점 %1의 /proc를 가진 pid 네임스페이스: 그 링크를 하나도 읽을 수 없었습니다.</translation>
    </message>
    <message>
        <source>Since %1&apos;s ancestors up to %2 are known, %3 is the parent of %2.</source>
        <translation>%1의 조상을 %2까지 알고 있으므로 %3은(는) %2의 부모입니다.</translation>
    </message>
    <message>
        <source>Inode 4026531836 is the kernel&apos;s initial pid namespace: it has no parent.</source>
        <translation>아이노드 4026531836은 커널의 초기 pid 네임스페이스이므로 부모가 없습니다.</translation>
    </message>
    <message>
        <source>No vantage saw above %1 (it is not the kernel&apos;s initial pid namespace), so its parent is unknown. Include the VM root vantage (wsl --debug-shell, as administrator) to see it.</source>
        <translation>%1 위를 본 관찰 지점이 없어(커널의 초기 pid 네임스페이스는 아님) 부모를 알 수 없습니다. 보려면 VM 루트 관찰 지점(관리자로 wsl --debug-shell)을 포함하세요.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>PNG image, 2× for high-DPI screens (*.png)</source>
        <translation>PNG 이미지, 고DPI 화면용 2× (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 드로잉 (*.svg)</translation>
    </message>
    <message>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation>Graphviz DOT (*.dot *.gv)</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>보기 내보내기</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>%1 share the network namespace %2 (one eth0, one address)</source>
        <translation>%1은(는) 네트워크 네임스페이스 %2을(를) 공유합니다 (eth0 하나, 주소 하나)</translation>
    </message>
    <message>
        <source>%1 has a network namespace of its own (%2)</source>
        <translation>%1에는 자체 네트워크 네임스페이스가 있습니다 (%2)</translation>
    </message>
    <message>
        <source>vantage %1: GUI applications are off for %2 (.wslconfig or its /etc/wsl.conf), so it has no WSLg system distro to look at</source>
        <translation>관찰 지점 %1: %2의 GUI 애플리케이션이 꺼져 있어(.wslconfig 또는 그 배포판의 /etc/wsl.conf) 살펴볼 WSLg 시스템 배포판이 없습니다</translation>
    </message>
    <message>
        <source>vantage %1: %2 is a WSL 1 distro: it has no namespaces in the VM</source>
        <translation>관찰 지점 %1: %2은(는) WSL 1 배포판이라 VM 안에 네임스페이스가 없습니다</translation>
    </message>
    <message>
        <source>vantage %1: %2 holds data only (no shell to run the collector in, like docker-desktop-data)</source>
        <translation>관찰 지점 %1: %2에는 데이터만 있습니다 (docker-desktop-data처럼 수집기를 실행할 셸이 없음)</translation>
    </message>
    <message>
        <source>vantage %1: the administrator prompt was declined, so the VM root is left out</source>
        <translation>관찰 지점 %1: 관리자 권한 요청이 거부되어 VM 루트는 빠졌습니다</translation>
    </message>
    <message>
        <source>vantage %1: the administrator who approved the prompt is another user (over-the-shoulder elevation): that account has no WSL distros and its own debug shell, so the VM root is left out; run WSL Atlas as administrator from your own account instead</source>
        <translation>관찰 지점 %1: 권한 요청을 승인한 관리자가 다른 사용자입니다(어깨너머 권한 상승). 그 계정에는 WSL 배포판이 없고 디버그 셸도 따로 있어 VM 루트는 빠졌습니다. 자신의 계정에서 WSL Atlas를 관리자로 실행하세요</translation>
    </message>
    <message>
        <source>capture %1: Get-VMSwitch is not available on this edition of Windows (no Hyper-V PowerShell module), so the virtual switches come from hnsdiag only</source>
        <translation>캡처 %1: 이 Windows 에디션에는 Get-VMSwitch가 없어(Hyper-V PowerShell 모듈 없음) 가상 스위치는 hnsdiag에서만 가져옵니다</translation>
    </message>
    <message>
        <source>vantages disagree on the parent of %1: %2 or %3 (kept %2)</source>
        <translation>%1의 부모에 대해 관찰 지점들의 의견이 다릅니다: %2 또는 %3 (%2 유지)</translation>
    </message>
    <message>
        <source>vantages disagree on the ancestor %1 levels above %2: %3 or %4</source>
        <translation>%2보다 %1단계 위의 조상에 대해 관찰 지점들의 의견이 다릅니다: %3 또는 %4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 is outside the NAT network %3: the VM and the host&apos;s WSL adapter are on different networks</source>
        <translation>%1 %2은(는) NAT 네트워크 %3 밖에 있습니다: VM과 호스트의 WSL 어댑터가 서로 다른 네트워크에 있습니다</translation>
    </message>
    <message>
        <source>%1 got the subnet&apos;s broadcast address %2 (%3): it cannot talk to the host; restart WSL (wsl --shutdown)</source>
        <translation>%1이(가) 서브넷의 브로드캐스트 주소 %2 (%3)을(를) 받았습니다: 호스트와 통신할 수 없습니다. WSL을 다시 시작하세요 (wsl --shutdown)</translation>
    </message>
    <message>
        <source>%1 got the subnet&apos;s network address %2 (%3): it cannot talk to the host; restart WSL (wsl --shutdown)</source>
        <translation>%1이(가) 서브넷의 네트워크 주소 %2 (%3)을(를) 받았습니다: 호스트와 통신할 수 없습니다. WSL을 다시 시작하세요 (wsl --shutdown)</translation>
    </message>
    <message>
        <source>%1 %2 is inside the NAT network %3</source>
        <translation>%1 %2은(는) NAT 네트워크 %3 안에 있습니다</translation>
    </message>
    <message>
        <source>%1 %2 is inside the NAT network %3 served by %4</source>
        <translation>%1 %2은(는) %4이(가) 담당하는 NAT 네트워크 %3 안에 있습니다</translation>
    </message>
    <message>
        <source>mirrored mode: there is no vEthernet (WSL) adapter, by design; the VM shares the host&apos;s adapters</source>
        <translation>미러 모드: 설계상 vEthernet (WSL) 어댑터가 없습니다. VM이 호스트의 어댑터를 함께 씁니다</translation>
    </message>
    <message>
        <source>NAT mode, but no vEthernet (WSL) adapter among the host&apos;s adapters; it exists only while the WSL VM runs (start a distro and capture again)</source>
        <translation>NAT 모드인데 호스트 어댑터 중에 vEthernet (WSL) 어댑터가 없습니다. 이 어댑터는 WSL VM이 실행 중일 때만 있습니다 (배포판을 시작하고 다시 캡처하세요)</translation>
    </message>
    <message>
        <source>the registry&apos;s NatNetwork %1 differs from switch %2&apos;s subnet %3</source>
        <translation>레지스트리의 NatNetwork %1이(가) 스위치 %2의 서브넷 %3과(와) 다릅니다</translation>
    </message>
    <message>
        <source>%1 has %2, not the registry&apos;s NatGatewayIpAddress %3</source>
        <translation>%1의 주소는 %2이며, 레지스트리의 NatGatewayIpAddress %3이(가) 아닙니다</translation>
    </message>
    <message>
        <source>only a loopback interface in %1: networking did not start; check `wsl --status` and restart WSL</source>
        <translation>%1에는 루프백 인터페이스만 있습니다: 네트워킹이 시작되지 않았습니다. `wsl --status`를 확인하고 WSL을 다시 시작하세요</translation>
    </message>
    <message>
        <source>only a loopback interface in %1 (%2): networking did not start; check `wsl --status` and restart WSL</source>
        <translation>%1 (%2)에는 루프백 인터페이스만 있습니다: 네트워킹이 시작되지 않았습니다. `wsl --status`를 확인하고 WSL을 다시 시작하세요</translation>
    </message>
    <message>
        <source>guiApplications=false in .wslconfig: no WSLg system distros, and `wsl --system` fails with WSL_E_GUI_APPLICATIONS_DISABLED</source>
        <translation>.wslconfig에 guiApplications=false: WSLg 시스템 배포판이 없고 `wsl --system`은 WSL_E_GUI_APPLICATIONS_DISABLED로 실패합니다</translation>
    </message>
</context>
<context>
    <name>NamespaceName</name>
    <message>
        <source>Mariner VM</source>
        <translation>Mariner VM</translation>
    </message>
    <message>
        <source>Linux host</source>
        <translation>Linux 호스트</translation>
    </message>
    <message>
        <source>Linux host (%1)</source>
        <translation>Linux 호스트 (%1)</translation>
    </message>
    <message>
        <source>WSLg system (%1)</source>
        <translation>WSLg 시스템 (%1)</translation>
    </message>
    <message>
        <source>Isolation (%1)</source>
        <translation>격리 (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the distros of an isolation</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Nested in %1</source>
        <translation>%1 안에 중첩됨</translation>
    </message>
    <message>
        <source>Not visited</source>
        <translation>방문하지 않음</translation>
    </message>
    <message>
        <source>Nested namespace</source>
        <translation>중첩된 네임스페이스</translation>
    </message>
    <message>
        <source>Unseen level</source>
        <translation>보이지 않은 수준</translation>
    </message>
    <message>
        <source>%1 (init: %2)</source>
        <translation>%1 (init: %2)</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>containerd</source>
        <translation>containerd</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <source>Podman</source>
        <translation>Podman</translation>
    </message>
    <message>
        <source>LXC</source>
        <translation>LXC</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation>컨테이너 %1</translation>
    </message>
    <message>
        <source>%1 container %2</source>
        <comment>engine, short id</comment>
        <translation>%1 컨테이너 %2</translation>
    </message>
</context>
<context>
    <name>NamespaceRole</name>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>WSLg</source>
        <translation>WSLg</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>격리</translation>
    </message>
    <message>
        <source>Distro</source>
        <translation>배포판</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>No network data in this snapshot</source>
        <translation>이 스냅샷에 네트워크 데이터가 없음</translation>
    </message>
    <message>
        <source>Take a snapshot on Windows: it captures the host&apos;s adapters, the Hyper-V switch and the VM&apos;s interfaces.</source>
        <translation>Windows에서 스냅샷을 만드세요. 호스트의 어댑터, Hyper-V 스위치, VM의 인터페이스가 수집됩니다.</translation>
    </message>
    <message>
        <source>Or import a capture folder with saved outputs: ipconfig /all, hnsdiag list networks, Get-NetAdapter, and ip addr from a distro.</source>
        <translation>또는 저장된 출력이 있는 캡처 폴더를 가져오세요: ipconfig /all, hnsdiag list networks, Get-NetAdapter, 배포판의 ip addr.</translation>
    </message>
    <message>
        <source>Windows host</source>
        <translation>Windows 호스트</translation>
    </message>
    <message>
        <source>down</source>
        <translation>비활성</translation>
    </message>
    <message numerus="yes">
        <source>%n other adapter(s)</source>
        <comment>host adapters not drawn one by one</comment>
        <translation>
            <numerusform>기타 어댑터 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>a subnet&apos;s first and last address</comment>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es)</source>
        <comment>size of a subnet</comment>
        <translation>
            <numerusform>주소 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 addresses</source>
        <comment>size of a large subnet</comment>
        <translation>주소 %1개</translation>
    </message>
    <message>
        <source>hosts %1 – %2</source>
        <comment>a subnet&apos;s first and last host address</comment>
        <translation>호스트 %1 – %2</translation>
    </message>
    <message>
        <source>type %1</source>
        <comment>a Hyper-V switch&apos;s type (ICS, NAT, Internal)</comment>
        <translation>유형 %1</translation>
    </message>
    <message>
        <source>subnet %1</source>
        <translation>서브넷 %1</translation>
    </message>
    <message>
        <source>gateway %1</source>
        <translation>게이트웨이 %1</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <comment>Hyper-V switch components bound to the switch&apos;s adapter</comment>
        <translation>%1 사용</translation>
    </message>
    <message numerus="yes">
        <source>%n binding(s)</source>
        <comment>adapter bindings</comment>
        <translation>
            <numerusform>바인딩 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>NatNetwork %1</source>
        <translation>NatNetwork %1</translation>
    </message>
    <message>
        <source>NatGatewayIpAddress %1</source>
        <translation>NatGatewayIpAddress %1</translation>
    </message>
    <message>
        <source>NatIpAddress %1</source>
        <translation>NatIpAddress %1</translation>
    </message>
    <message>
        <source>NAT network (registry)</source>
        <translation>NAT 네트워크(레지스트리)</translation>
    </message>
    <message>
        <source>gateway</source>
        <translation>게이트웨이</translation>
    </message>
    <message>
        <source>in subnet</source>
        <translation>서브넷 내</translation>
    </message>
    <message>
        <source>WSL 2 VM</source>
        <translation>WSL 2 VM</translation>
    </message>
    <message>
        <source>Linux host</source>
        <translation>Linux 호스트</translation>
    </message>
    <message>
        <source>Network namespace %1</source>
        <translation>네트워크 네임스페이스 %1</translation>
    </message>
    <message>
        <source>shared by %1</source>
        <translation>%1에서 공유</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>%1에서 사용</translation>
    </message>
    <message>
        <source>seen from %1</source>
        <translation>%1에서 관찰</translation>
    </message>
    <message>
        <source>default via %1 (%2)</source>
        <translation>기본 경로: %1 경유 (%2)</translation>
    </message>
    <message>
        <source>DNS %1</source>
        <translation>DNS %1</translation>
    </message>
    <message>
        <source>MTU %1</source>
        <translation>MTU %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other interface(s)</source>
        <comment>interfaces not drawn one by one</comment>
        <translation>
            <numerusform>기타 인터페이스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>down, no IPv4 address</source>
        <translation>비활성, IPv4 주소 없음</translation>
    </message>
    <message>
        <source>Mirrored networking</source>
        <translation>미러 모드 네트워킹</translation>
    </message>
    <message>
        <source>the VM sees the host&apos;s adapters as its own</source>
        <translation>VM이 호스트의 어댑터를 자신의 어댑터로 인식</translation>
    </message>
    <message>
        <source>no vEthernet (WSL) adapter and no NAT, by design</source>
        <translation>설계상 vEthernet (WSL) 어댑터와 NAT가 없음</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>미러링됨</translation>
    </message>
    <message>
        <source>attached</source>
        <comment>a host adapter is the switch&apos;s own adapter</comment>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>serves</source>
        <comment>a switch serves an interface in its subnet</comment>
        <translation>제공</translation>
    </message>
    <message>
        <source>default gateway</source>
        <comment>a host adapter is an interface&apos;s default gateway</comment>
        <translation>기본 게이트웨이</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
</context>
<context>
    <name>PidDiagram</name>
    <message>
        <source>not seen</source>
        <comment>a placeholder namespace: no inode known</comment>
        <translation>관찰되지 않음</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <comment>own processes of a pid namespace</comment>
        <translation>
            <numerusform>프로세스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Vantages: %1</source>
        <comment>the vantages whose own namespace this is</comment>
        <translation>관찰 지점: %1</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more process(es)</source>
        <comment>processes not drawn as nodes</comment>
        <translation>
            <numerusform>+ 프로세스 %n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>listed in the process table</source>
        <translation>프로세스 테이블에 나열됨</translation>
    </message>
    <message>
        <source>Pid namespaces</source>
        <translation>pid 네임스페이스</translation>
    </message>
    <message>
        <source>No pid namespaces</source>
        <translation>pid 네임스페이스 없음</translation>
    </message>
    <message>
        <source>This snapshot has none: take a snapshot with the collector, or open one.</source>
        <translation>이 스냅샷에는 pid 네임스페이스가 없습니다. 수집기로 스냅샷을 만들거나 스냅샷을 여세요.</translation>
    </message>
    <message numerus="yes">
        <source> · %n in subtree</source>
        <comment>processes of a namespace and all below it</comment>
        <translation>
            <numerusform> · 하위 트리 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>cannot lay out the diagram: %1</source>
        <translation>다이어그램 레이아웃을 만들 수 없음: %1</translation>
    </message>
    <message>
        <source>cannot encode the PNG image</source>
        <translation>PNG 이미지를 인코딩할 수 없음</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Take a new snapshot from the chosen source</source>
        <translation>선택한 소스에서 새 스냅샷을 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop collecting; the shown snapshot stays</source>
        <translation>수집을 중지합니다. 표시된 스냅샷은 유지됩니다</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>자동 새로 고침(&amp;A)</translation>
    </message>
    <message>
        <source>Every interval, check which distros run (wsl -l --running, which wakes nothing) and take a new snapshot when that changed; chart the process counts</source>
        <translation>간격마다 실행 중인 배포판을 확인하고(wsl -l --running, 아무것도 깨우지 않음) 바뀌었을 때 새 스냅샷을 만듭니다. 프로세스 수를 차트로 표시합니다</translation>
    </message>
    <message>
        <source>&amp;Full Snapshot Every Interval</source>
        <translation>간격마다 전체 스냅샷(&amp;F)</translation>
    </message>
    <message>
        <source>Auto-refresh takes a full snapshot every interval. This keeps WSL running: each snapshot runs a command in every running distro, so neither they (idle after 15 s) nor the WSL VM (idle after 60 s) ever shut down while it is on</source>
        <translation>자동 새로 고침이 간격마다 전체 스냅샷을 만듭니다. 이 동안 WSL은 계속 실행됩니다: 스냅샷마다 실행 중인 모든 배포판에서 명령을 실행하므로, 켜져 있는 동안 배포판(15초 유휴 후)도 WSL VM(60초 유휴 후)도 종료되지 않습니다</translation>
    </message>
    <message>
        <source>&amp;Open Snapshot…</source>
        <translation>스냅샷 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a snapshot file</source>
        <translation>스냅샷 파일을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save Snapshot</source>
        <translation>스냅샷 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the shown snapshot</source>
        <translation>표시된 스냅샷을 저장합니다</translation>
    </message>
    <message>
        <source>Save Snapshot &amp;As…</source>
        <translation>다른 이름으로 스냅샷 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the shown snapshot under a new name</source>
        <translation>표시된 스냅샷을 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>Open the &amp;Sample</source>
        <translation>샘플 열기(&amp;S)</translation>
    </message>
    <message>
        <source>The sample made from the two articles&apos; WSL machines</source>
        <translation>두 글에 나온 WSL 머신으로 만든 샘플</translation>
    </message>
    <message>
        <source>&amp;Export View…</source>
        <translation>보기 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the Namespaces or Network view as PNG, SVG or DOT</source>
        <translation>네임스페이스 또는 네트워크 보기를 PNG, SVG 또는 DOT로 내보냅니다</translation>
    </message>
    <message>
        <source>&amp;Copy View as Image</source>
        <translation>보기를 이미지로 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the Namespaces or Network view to the clipboard</source>
        <translation>네임스페이스 또는 네트워크 보기를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit WSL Atlas</source>
        <translation>WSL Atlas를 끝냅니다</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Filter the namespace tree</source>
        <translation>네임스페이스 트리를 필터링합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom into the diagram</source>
        <translation>다이어그램을 확대합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out of the diagram</source>
        <translation>다이어그램을 축소합니다</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>다이어그램 전체를 표시합니다</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Show the diagram at 100%</source>
        <translation>다이어그램을 100% 크기로 표시합니다</translation>
    </message>
    <message>
        <source>Show &amp;Processes</source>
        <translation>프로세스 표시(&amp;P)</translation>
    </message>
    <message>
        <source>Draw the selected namespace&apos;s processes in the graph</source>
        <translation>선택한 네임스페이스의 프로세스를 그래프에 그립니다</translation>
    </message>
    <message>
        <source>&amp;About WSL Atlas</source>
        <translation>WSL Atlas 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Versions and credits</source>
        <translation>버전 및 크레딧</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>The Qt version in use</source>
        <translation>사용 중인 Qt 버전</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Snapshot</source>
        <translation>스냅샷(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>WSL Atlas: the pid namespaces, NSpid chains and network of WSL 2, drawn.</source>
        <translation>WSL Atlas: WSL 2의 pid 네임스페이스, NSpid 체인, 네트워크를 그림으로 보여 줍니다.</translation>
    </message>
    <message>
        <source>A snapshot to open (wslatlas-cli snapshot writes one).</source>
        <translation>열 스냅샷 파일(wslatlas-cli snapshot으로 만들 수 있음).</translation>
    </message>
    <message>
        <source>Open the bundled sample instead of collecting.</source>
        <translation>수집하지 않고 내장 샘플을 엽니다.</translation>
    </message>
    <message>
        <source>Use a dark palette.</source>
        <translation>어두운 팔레트를 사용합니다.</translation>
    </message>
    <message>
        <source>Save a picture of each tab into DIR and quit.</source>
        <translation>각 탭의 이미지를 DIR에 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>Window size for --screenshots (WxH).</source>
        <translation>--screenshots에 사용할 창 크기(WxH).</translation>
    </message>
</context>
<context>
    <name>wslatlas::ChartsView</name>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Turn on auto-refresh to record process counts over time</source>
        <translation>시간에 따른 프로세스 수를 기록하려면 자동 새로 고침을 켜세요</translation>
    </message>
    <message>
        <source>No snapshot loaded: take or open one to see where the processes are.</source>
        <translation>로드된 스냅샷이 없습니다. 프로세스가 어디에 있는지 보려면 스냅샷을 만들거나 여세요.</translation>
    </message>
    <message>
        <source>This snapshot lists no processes: there is nothing to chart.</source>
        <translation>이 스냅샷에는 프로세스가 없어 차트에 표시할 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Unlisted namespaces</source>
        <translation>목록에 없는 네임스페이스</translation>
    </message>
    <message>
        <source>Processes whose pid namespace the snapshot does not list: %1</source>
        <translation>스냅샷에 pid 네임스페이스가 없는 프로세스: %1</translation>
    </message>
    <message>
        <source>%1 · 1 process (%2 in subtree)</source>
        <translation>%1 · 프로세스 1개(하위 트리 %2개)</translation>
    </message>
    <message>
        <source>%1 · %2 processes (%3 in subtree)</source>
        <translation>%1 · 프로세스 %2개(하위 트리 %3개)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>namespace id · role</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Includes the namespaces nested deeper: %1</source>
        <translation>더 깊이 중첩된 네임스페이스 포함: %1</translation>
    </message>
    <message>
        <source>process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source> · </source>
        <comment>between a namespace label and its process count</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>Processes per pid namespace</source>
        <translation>pid 네임스페이스별 프로세스</translation>
    </message>
    <message>
        <source>Processes per distro over time</source>
        <translation>시간에 따른 배포판별 프로세스</translation>
    </message>
</context>
<context>
    <name>wslatlas::CollectionController</name>
    <message>
        <source>the collection stopped on an internal error: %1</source>
        <translation>내부 오류로 수집이 중지됨: %1</translation>
    </message>
    <message>
        <source>cannot read plan %1: %2</source>
        <translation>계획 파일 %1을(를) 읽을 수 없음: %2</translation>
    </message>
    <message>
        <source>bad plan %1: %2</source>
        <translation>잘못된 계획 파일 %1: %2</translation>
    </message>
    <message>
        <source>wsl.exe was not found on PATH: install WSL (wsl --install), or collect from this host or a plan file instead</source>
        <translation>PATH에서 wsl.exe를 찾을 수 없음: WSL을 설치(wsl --install)하거나, 대신 이 호스트 또는 계획 파일에서 수집하세요</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>프로세스 %1개</translation>
    </message>
</context>
<context>
    <name>wslatlas::CollectionProgress</name>
    <message>
        <source>Finding vantages…</source>
        <translation>관찰 지점 찾는 중…</translation>
    </message>
    <message>
        <source>%v of %m vantages</source>
        <translation>관찰 지점 %m개 중 %v개</translation>
    </message>
    <message>
        <source>Collecting: %1 vantages, %2 host commands…</source>
        <translation>수집 중: 관찰 지점 %1개, 호스트 명령 %2개…</translation>
    </message>
    <message>
        <source>Collecting: %1 vantages…</source>
        <translation>수집 중: 관찰 지점 %1개…</translation>
    </message>
    <message>
        <source>%1 done (%2 of %3)</source>
        <translation>%1 완료 (%2/%3)</translation>
    </message>
    <message>
        <source>%1 failed (%2 of %3)</source>
        <translation>%1 실패 (%2/%3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>wslatlas::DetailsPanel</name>
    <message>
        <source>Select a namespace or process</source>
        <translation>네임스페이스나 프로세스를 선택하세요</translation>
    </message>
    <message>
        <source>Show %1 (%2)</source>
        <translation>%1 (%2) 표시</translation>
    </message>
    <message>
        <source>›</source>
        <comment>between the levels of a breadcrumb</comment>
        <translation>›</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>inode</translation>
    </message>
    <message>
        <source>none: nobody has seen this level</source>
        <translation>없음: 이 레벨을 관찰한 곳이 없음</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>unknown (level %1 of this tree)</source>
        <translation>알 수 없음(이 트리의 레벨 %1)</translation>
    </message>
    <message>
        <source>0: the initial pid namespace</source>
        <translation>0: 초기 pid 네임스페이스</translation>
    </message>
    <message>
        <source>1 level below the initial namespace</source>
        <translation>초기 네임스페이스에서 1단계 아래</translation>
    </message>
    <message>
        <source>%1 levels below the initial namespace</source>
        <translation>초기 네임스페이스에서 %1단계 아래</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Distros</source>
        <translation>배포판</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>%1 own · %2 in its subtree</source>
        <translation>자체 %1개 · 하위 트리 %2개</translation>
    </message>
    <message>
        <source>Vantages</source>
        <translation>관찰 지점</translation>
    </message>
    <message>
        <source>none landed here</source>
        <translation>여기에 도달한 관찰 지점 없음</translation>
    </message>
    <message>
        <source>Why %1 is its parent</source>
        <translation>%1이(가) 부모인 이유</translation>
    </message>
    <message>
        <source>Why it has no parent here</source>
        <translation>여기에 부모가 없는 이유</translation>
    </message>
    <message>
        <source>The snapshot gives no evidence.</source>
        <translation>스냅샷에 근거가 없습니다.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Vantage</source>
        <translation>관찰 지점</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>추적 경로</translation>
    </message>
    <message>
        <source>pid %1 → ppid %2</source>
        <translation>pid %1 → ppid %2</translation>
    </message>
    <message>
        <source>Child namespaces (%1)</source>
        <translation>자식 네임스페이스(%1)</translation>
    </message>
    <message>
        <source>%1 · 1 process</source>
        <comment>a child namespace and the processes of its subtree</comment>
        <translation>%1 · 프로세스 1개</translation>
    </message>
    <message>
        <source>%1 · %2 processes</source>
        <comment>a child namespace and the processes of its subtree</comment>
        <translation>%1 · 프로세스 %2개</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>명령줄</translation>
    </message>
    <message>
        <source>none (a kernel thread, or its command line was not readable)</source>
        <translation>없음(커널 스레드이거나 명령줄을 읽을 수 없음)</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 (%2 내)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Parent PID</source>
        <translation>부모 PID</translation>
    </message>
    <message>
        <source>not visible</source>
        <translation>보이지 않음</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Distro</source>
        <translation>배포판</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>알려지지 않음</translation>
    </message>
    <message>
        <source>Pid namespace</source>
        <translation>pid 네임스페이스</translation>
    </message>
    <message>
        <source>%1 (not listed in the snapshot)</source>
        <translation>%1(스냅샷에 없음)</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>관찰한 지점</translation>
    </message>
    <message>
        <source>PID at each level</source>
        <translation>레벨별 PID</translation>
    </message>
    <message>
        <source>No NSpid chain was readable.</source>
        <translation>NSpid 체인을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>레벨</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>네임스페이스</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>네임스페이스</translation>
    </message>
    <message>
        <source>No namespace links were readable.</source>
        <translation>네임스페이스 링크를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Seen from a vantage above</source>
        <translation>위쪽 관찰 지점에서 봄</translation>
    </message>
    <message>
        <source>Parent-process walk</source>
        <translation>부모 프로세스 따라가기</translation>
    </message>
    <message>
        <source>Derived from known ancestors</source>
        <translation>알려진 조상에서 유도</translation>
    </message>
    <message>
        <source>The kernel&apos;s initial namespace</source>
        <translation>커널의 초기 네임스페이스</translation>
    </message>
    <message>
        <source>No vantage above</source>
        <translation>위쪽 관찰 지점 없음</translation>
    </message>
    <message>
        <source>A level nobody saw</source>
        <translation>아무도 보지 못한 단계</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Memory (RSS)</source>
        <translation>메모리 (RSS)</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU 시간</translation>
    </message>
    <message>
        <source>%1 s own · %2 s in its subtree</source>
        <translation>자체 %1초 · 하위 트리 %2초</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>%1, id %2</source>
        <translation>%1, ID %2</translation>
    </message>
    <message>
        <source>Runs under</source>
        <translation>실행 주체</translation>
    </message>
    <message>
        <source>pid %1: %2</source>
        <translation>pid %1: %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
</context>
<context>
    <name>wslatlas::DiagramExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>폴더 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>it is a folder; choose a file name</source>
        <translation>폴더입니다. 파일 이름을 선택하세요</translation>
    </message>
    <message>
        <source>the picture is too large at this scale; export at a smaller scale or as SVG</source>
        <translation>이 배율에서는 그림이 너무 큽니다. 더 작은 배율이나 SVG로 내보내세요</translation>
    </message>
</context>
<context>
    <name>wslatlas::DiagramScene</name>
    <message>
        <source>This diagram cannot be drawn: %1</source>
        <translation>이 다이어그램을 그릴 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>wslatlas::MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>스냅샷</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>네임스페이스</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Namespace Tree</source>
        <translation>네임스페이스 트리</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message numerus="yes">
        <source>%n pid namespace(s)</source>
        <translation>
            <numerusform>pid 네임스페이스 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>프로세스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a plan file first (Source: Plan file…), or pick another source.</source>
        <translation>먼저 계획 파일을 선택하거나(소스: 계획 파일…) 다른 소스를 고르세요.</translation>
    </message>
    <message>
        <source>Live: %1 at %2</source>
        <translation>실시간: %1 (%2 기준)</translation>
    </message>
    <message>
        <source>Some vantages failed; the snapshot shows what the others saw.
%1</source>
        <translation>일부 관찰 지점이 실패했습니다. 스냅샷에는 나머지 관찰 지점에서 본 내용이 표시됩니다.
%1</translation>
    </message>
    <message>
        <source>No snapshot was taken: %1</source>
        <translation>스냅샷을 만들지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Still showing %1</source>
        <translation>계속 %1 표시 중</translation>
    </message>
    <message>
        <source>Cancelled; the snapshot shown before stays.</source>
        <translation>취소되었습니다. 이전 스냅샷이 유지됩니다.</translation>
    </message>
    <message>
        <source>The namespace graph could not be laid out: %1</source>
        <translation>네임스페이스 그래프 레이아웃을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The network diagram could not be laid out: %1</source>
        <translation>네트워크 다이어그램 레이아웃을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>only the Namespaces and Network views can be exported</source>
        <translation>네임스페이스 및 네트워크 보기만 내보낼 수 있음</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 내보냄</translation>
    </message>
    <message>
        <source>Copied the view as an image (%1 × %2)</source>
        <translation>보기를 이미지로 복사했습니다(%1 × %2)</translation>
    </message>
    <message>
        <source>WSL Atlas</source>
        <translation>WSL Atlas</translation>
    </message>
    <message>
        <source>%1 — WSL Atlas</source>
        <translation>%1 — WSL Atlas</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WSL Atlas %1&lt;/h3&gt;&lt;p&gt;Shows how WSL 2 is built: the pid namespaces inside the utility VM, every process&apos;s NSpid chain, and the network around the VM.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br/&gt;Graphviz %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WSL Atlas %1&lt;/h3&gt;&lt;p&gt;WSL 2의 구조를 보여 줍니다: 유틸리티 VM 안의 pid 네임스페이스, 모든 프로세스의 NSpid 체인, VM 주변의 네트워크.&lt;/p&gt;&lt;p&gt;Qt %2 (빌드 시 %3)&lt;br/&gt;Graphviz %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>(버전 알 수 없음)</translation>
    </message>
    <message>
        <source>About WSL Atlas</source>
        <translation>WSL Atlas 정보</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
</context>
<context>
    <name>wslatlas::MemoryView</name>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <comment>bar legend: part, size, share</comment>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Swap: %1 of %2 used</source>
        <translation>스왑: %2 중 %1 사용</translation>
    </message>
    <message>
        <source>Resident memory (RSS) counts a page shared by several processes once in each of them, so the groups can add up to more than is really used. &quot;Other&quot; is what no listed process accounts for: the kernel, its buffers and processes the collector could not read.</source>
        <translation>상주 메모리(RSS)는 여러 프로세스가 공유하는 페이지를 각 프로세스에 한 번씩 계산하므로 그룹의 합이 실제 사용량보다 클 수 있습니다. &quot;기타&quot;는 목록의 어떤 프로세스에도 속하지 않는 부분입니다: 커널, 커널 버퍼, 수집기가 읽지 못한 프로세스.</translation>
    </message>
    <message>
        <source>Here the processes&apos; RSS exceeds the used memory, so the ring shows their RSS only.</source>
        <translation>여기서는 프로세스의 RSS가 사용 중인 메모리보다 커서 고리에는 RSS만 표시합니다.</translation>
    </message>
    <message>
        <source>Memory of the WSL VM: %1</source>
        <translation>WSL VM의 메모리: %1</translation>
    </message>
    <message>
        <source>Used memory by namespace group (resident memory of their processes)</source>
        <translation>네임스페이스 그룹별 사용 메모리(프로세스의 상주 메모리)</translation>
    </message>
    <message>
        <source>used</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Largest processes by resident memory</source>
        <translation>상주 메모리가 가장 큰 프로세스</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>네임스페이스</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>No snapshot loaded: take or open one to see where the VM&apos;s memory goes.</source>
        <translation>불러온 스냅샷이 없습니다. VM의 메모리가 어디에 쓰이는지 보려면 스냅샷을 만들거나 여세요.</translation>
    </message>
    <message>
        <source>This snapshot has no memory figures (neither the VM&apos;s /proc/meminfo nor the processes&apos; resident memory): refresh with a newer collector to see where the memory goes.</source>
        <translation>이 스냅샷에는 메모리 수치가 없습니다(VM의 /proc/meminfo도, 프로세스의 상주 메모리도 없음). 메모리가 어디에 쓰이는지 보려면 새 수집기로 새로 고치세요.</translation>
    </message>
    <message>
        <source>This snapshot has no figures for the VM&apos;s memory (/proc/meminfo): refresh with a newer collector to see where the memory goes.</source>
        <translation>이 스냅샷에는 VM 메모리 수치(/proc/meminfo)가 없습니다. 메모리가 어디에 쓰이는지 보려면 새 수집기로 새로 고치세요.</translation>
    </message>
    <message>
        <source>This snapshot has no resident memory for its processes: refresh with a newer collector to see where the memory goes.</source>
        <translation>이 스냅샷에는 프로세스의 상주 메모리가 없습니다. 메모리가 어디에 쓰이는지 보려면 새 수집기로 새로 고치세요.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 of the VM&apos;s memory</source>
        <comment>part · size · share</comment>
        <translation>%1 · %2 · VM 메모리의 %3</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Total minus available (MemAvailable)</source>
        <translation>전체에서 사용 가능(MemAvailable)을 뺀 값</translation>
    </message>
    <message>
        <source>Cache and reclaimable</source>
        <translation>캐시 및 회수 가능</translation>
    </message>
    <message>
        <source>Available minus free: page cache and other memory the kernel can take back</source>
        <translation>사용 가능에서 여유를 뺀 값: 페이지 캐시 등 커널이 회수할 수 있는 메모리</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>여유</translation>
    </message>
    <message>
        <source>Not used at all (MemFree)</source>
        <translation>전혀 쓰이지 않음(MemFree)</translation>
    </message>
    <message>
        <source>Unlisted namespaces</source>
        <translation>목록에 없는 네임스페이스</translation>
    </message>
    <message>
        <source>Processes whose pid namespace the snapshot does not list</source>
        <translation>스냅샷에 pid 네임스페이스가 없는 프로세스</translation>
    </message>
    <message>
        <source>%1 (own processes)</source>
        <translation>%1 (자체 프로세스)</translation>
    </message>
    <message>
        <source>%1 · %2 and the namespaces below it</source>
        <translation>%1 · %2 및 그 아래 네임스페이스</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 of used memory</source>
        <comment>name · size · share</comment>
        <translation>%1 · %2 · 사용 메모리의 %3</translation>
    </message>
    <message>
        <source>1 process</source>
        <translation>프로세스 1개</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>프로세스 %1개</translation>
    </message>
    <message>
        <source>Other / not in any process</source>
        <translation>기타 / 어떤 프로세스에도 없음</translation>
    </message>
    <message>
        <source>Used memory minus the processes&apos; RSS: the kernel, its buffers, and what no listed process maps</source>
        <translation>사용 메모리에서 프로세스 RSS를 뺀 값: 커널, 커널 버퍼, 목록의 어떤 프로세스도 매핑하지 않은 메모리</translation>
    </message>
    <message>
        <source>%1 · processes of this namespace itself, not of those below it</source>
        <translation>%1 · 그 아래가 아닌 이 네임스페이스 자체의 프로세스</translation>
    </message>
</context>
<context>
    <name>wslatlas::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>wslatlas::NamespaceTreeModel</name>
    <message>
        <source>Processes in this namespace: %1</source>
        <translation>이 네임스페이스의 프로세스: %1</translation>
    </message>
    <message>
        <source>In its whole subtree: %1</source>
        <translation>전체 하위 트리: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>namespace id · role</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Distros: %1</source>
        <translation>배포판: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Inode / PID</source>
        <translation>inode / PID</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>The namespace&apos;s label, or the process&apos;s command line</source>
        <translation>네임스페이스의 레이블 또는 프로세스의 명령줄</translation>
    </message>
    <message>
        <source>The namespace&apos;s inode, or the process&apos;s pid in its own namespace</source>
        <translation>네임스페이스의 inode 또는 프로세스 자체 네임스페이스에서의 pid</translation>
    </message>
    <message>
        <source>What the namespace is: the VM, a WSLg system distro, an isolation level, a distro…</source>
        <translation>네임스페이스의 종류: VM, WSLg 시스템 배포판, 격리 수준, 배포판…</translation>
    </message>
    <message>
        <source>Processes in the namespace itself (hover for its whole subtree)</source>
        <translation>네임스페이스 자체의 프로세스(전체 하위 트리는 마우스를 올려 확인)</translation>
    </message>
</context>
<context>
    <name>wslatlas::NamespaceTreePane</name>
    <message>
        <source>Find (Ctrl+F): name, label, inode, pid</source>
        <translation>찾기(Ctrl+F): 이름, 레이블, inode, pid</translation>
    </message>
</context>
<context>
    <name>wslatlas::ProcessPage</name>
    <message>
        <source>Filter processes by name, command line, distro, pid or inode</source>
        <translation>이름, 명령줄, 배포판, pid 또는 inode로 프로세스 필터링</translation>
    </message>
</context>
<context>
    <name>wslatlas::ProcessTableModel</name>
    <message>
        <source>Level %1</source>
        <translation>레벨 %1</translation>
    </message>
    <message>
        <source> / </source>
        <comment>between the roles of one level</comment>
        <translation> / </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>명령줄</translation>
    </message>
    <message>
        <source>Distro</source>
        <translation>배포판</translation>
    </message>
    <message>
        <source>PID namespace</source>
        <translation>PID 네임스페이스</translation>
    </message>
    <message>
        <source>The process&apos;s name</source>
        <translation>프로세스 이름</translation>
    </message>
    <message>
        <source>The process&apos;s command line</source>
        <translation>프로세스의 명령줄</translation>
    </message>
    <message>
        <source>The distro the process runs in, when known</source>
        <translation>프로세스가 실행되는 배포판(알려진 경우)</translation>
    </message>
    <message>
        <source>The inode of the process&apos;s own pid namespace</source>
        <translation>프로세스 자체 pid 네임스페이스의 inode</translation>
    </message>
    <message>
        <source>The process&apos;s pid in the namespaces at level %1 (0 is the outermost)</source>
        <translation>레벨 %1 네임스페이스에서의 프로세스 pid(0이 가장 바깥쪽)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>CPU seconds</comment>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Resident memory (RSS): pages shared with other processes count in each of them</source>
        <translation>상주 메모리(RSS): 다른 프로세스와 공유하는 페이지는 각 프로세스에 모두 계산됩니다</translation>
    </message>
    <message>
        <source>CPU time (user + system) since the process started</source>
        <translation>프로세스가 시작된 뒤의 CPU 시간(사용자 + 시스템)</translation>
    </message>
</context>
<context>
    <name>wslatlas::RecentFilesMenu</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>wslatlas::SnapshotDocument</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>Could not open %1: %2. The snapshot shown before is still shown.</source>
        <translation>%1을(를) 열 수 없습니다: %2. 이전 스냅샷이 계속 표시됩니다.</translation>
    </message>
    <message>
        <source>The bundled sample is missing from this build.</source>
        <translation>이 빌드에는 내장 샘플이 없습니다.</translation>
    </message>
    <message>
        <source>The bundled sample could not be read: %1</source>
        <translation>내장 샘플을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Sample: the articles&apos; WSL machines</source>
        <translation>샘플: 글에 나온 WSL 머신</translation>
    </message>
    <message>
        <source>This is a sample made from two articles&apos; command outputs, not your machine. Choose a source and press Refresh (Ctrl+R), or open a snapshot (Ctrl+O).</source>
        <translation>사용자의 컴퓨터가 아니라 두 글의 명령 출력으로 만든 샘플입니다. 소스를 선택하고 새로 고침(Ctrl+R)을 누르거나 스냅샷을 여세요(Ctrl+O).</translation>
    </message>
    <message>
        <source>Open Snapshot</source>
        <translation>스냅샷 열기</translation>
    </message>
    <message>
        <source>WSL Atlas snapshots (*.json);;All files (*)</source>
        <translation>WSL Atlas 스냅샷 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation>스냅샷 저장</translation>
    </message>
    <message>
        <source>WSL Atlas snapshots (*.json)</source>
        <translation>WSL Atlas 스냅샷 (*.json)</translation>
    </message>
</context>
<context>
    <name>wslatlas::SourceControls</name>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>WSL</source>
        <translation>WSL</translation>
    </message>
    <message>
        <source>This Linux host</source>
        <translation>이 Linux 호스트</translation>
    </message>
    <message>
        <source>Plan file…</source>
        <translation>계획 파일…</translation>
    </message>
    <message>
        <source>Where snapshots come from: WSL when wsl.exe is reachable, this Linux host, or a plan file written by wslatlas-cli plan</source>
        <translation>스냅샷을 가져올 곳: wsl.exe에 접근할 수 있으면 WSL, 이 Linux 호스트, 또는 wslatlas-cli plan으로 작성한 계획 파일</translation>
    </message>
    <message>
        <source>wsl.exe is not reachable from here</source>
        <translation>여기에서 wsl.exe에 접근할 수 없습니다</translation>
    </message>
    <message>
        <source>Include the VM root</source>
        <translation>VM 루트 포함</translation>
    </message>
    <message>
        <source>Also look from the utility VM&apos;s root (wsl --debug-shell); needs WSL Atlas to run as administrator</source>
        <translation>유틸리티 VM의 루트(wsl --debug-shell)에서도 관찰합니다. WSL Atlas를 관리자 권한으로 실행해야 합니다</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Auto-refresh interval. A full snapshot keeps WSL running: the VM shuts down only after 60 s without one</source>
        <translation>자동 새로 고침 간격. 전체 스냅샷은 WSL을 실행 상태로 유지합니다: VM은 스냅샷 없이 60초가 지나야 종료됩니다</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>소스:</translation>
    </message>
    <message>
        <source>Choose a Plan File</source>
        <translation>계획 파일 선택</translation>
    </message>
    <message>
        <source>Vantage plans (*.json);;All files (*)</source>
        <translation>관찰 지점 계획 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Auto-refresh takes a full snapshot every %1 s, which keeps WSL running.</source>
        <translation>자동 새로 고침이 %1초마다 전체 스냅샷을 만들며, 그동안 WSL은 계속 실행됩니다.</translation>
    </message>
    <message>
        <source>Auto-refresh checks every %1 s which distros run, and takes a full snapshot only when that changes (a full snapshot keeps WSL running for a while).</source>
        <translation>자동 새로 고침이 %1초마다 실행 중인 배포판을 확인하고, 바뀌었을 때만 전체 스냅샷을 만듭니다(전체 스냅샷은 한동안 WSL을 실행 상태로 유지합니다).</translation>
    </message>
</context>
</TS>
