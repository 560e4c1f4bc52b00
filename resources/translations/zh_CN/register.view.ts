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
    <message>
        <source>Member register</source>
        <translation>会员名册</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Print certificates for the selection…</source>
        <translation>为所选会员打印会员证…</translation>
    </message>
    <message>
        <source>Print address labels for the selection…</source>
        <translation>为所选会员打印地址标签…</translation>
    </message>
    <message>
        <source>Print envelopes for the selection…</source>
        <translation>为所选会员打印信封…</translation>
    </message>
    <message>
        <source>Add to a mailing batch…</source>
        <translation>加入邮寄批次…</translation>
    </message>
    <message>
        <source>Add to a mailing batch</source>
        <translation>加入邮寄批次</translation>
    </message>
    <message>
        <source>No mailing batch is being prepared. Create one in the mailing area first.</source>
        <translation>没有正在准备的邮寄批次。请先在“邮寄管理”中新建批次。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n selected member(s) to:</source>
        <translation>
            <numerusform>将所选的 %n 个会员加入：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) added to the batch.</source>
        <translation>
            <numerusform>已将 %n 个会员加入批次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in it or cannot be mailed to.</source>
        <translation>
            <numerusform>%n 个已在批次中或不能邮寄。</numerusform>
        </translation>
    </message>
</context>
</TS>
