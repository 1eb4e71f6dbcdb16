<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>NetworkDiagram</name>
        <message numerus="yes">
            <source>%n other adapter(s)</source>
            <comment>host adapters not drawn one by one</comment>
            <translation>
                <numerusform>%n other adapter</numerusform>
                <numerusform>%n other adapters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln address(es)</source>
            <comment>size of a subnet</comment>
            <translation>
                <numerusform>%Ln address</numerusform>
                <numerusform>%Ln addresses</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n binding(s)</source>
            <comment>adapter bindings</comment>
            <translation>
                <numerusform>%n binding</numerusform>
                <numerusform>%n bindings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other interface(s)</source>
            <comment>interfaces not drawn one by one</comment>
            <translation>
                <numerusform>%n other interface</numerusform>
                <numerusform>%n other interfaces</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PidDiagram</name>
        <message numerus="yes">
            <source>%n process(es)</source>
            <comment>own processes of a pid namespace</comment>
            <translation>
                <numerusform>%n process</numerusform>
                <numerusform>%n processes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>+ %n more process(es)</source>
            <comment>processes not drawn as nodes</comment>
            <translation>
                <numerusform>+ %n more process</numerusform>
                <numerusform>+ %n more processes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> · %n in subtree</source>
            <comment>processes of a namespace and all below it</comment>
            <translation>
                <numerusform> · %n in subtree</numerusform>
                <numerusform> · %n in subtree</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wslatlas::MainWindow</name>
        <message numerus="yes">
            <source>%n pid namespace(s)</source>
            <translation>
                <numerusform>%n pid namespace</numerusform>
                <numerusform>%n pid namespaces</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n process(es)</source>
            <translation>
                <numerusform>%n process</numerusform>
                <numerusform>%n processes</numerusform>
            </translation>
        </message>
    </context>
</TS>
