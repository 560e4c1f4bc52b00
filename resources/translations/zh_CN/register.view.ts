<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RegisterView</name>
    <message>
        <source>Search name, credit code, member number, liaison, principal or phone  (Ctrl+F)</source>
        <translation>搜索单位名称、信用代码、会员编号、联络员、负责人或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>新建会员…</translation>
    </message>
    <message>
        <source>Enter a member by hand (Ctrl+N)</source>
        <translation>手工录入会员（Ctrl+N）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All mentors</source>
        <translation>全部班主任</translation>
    </message>
    <message>
        <source>No mentor</source>
        <translation>未分配班主任</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>共 %Ln 个会员</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 members, counting the rest…</source>
        <translation>已显示前 %1 个会员，正在载入其余会员…</translation>
    </message>
    <message>
        <source>No member matches this search or these filters.</source>
        <translation>没有符合搜索或筛选条件的会员。</translation>
    </message>
    <message>
        <source>The register is empty. Enter a member with “New member…”, or import the office&apos;s Excel roster.</source>
        <translation>会员名册是空的。请点击“新建会员…”录入，或导入会籍管理部的 Excel 名册。</translation>
    </message>
</context>
</TS>
