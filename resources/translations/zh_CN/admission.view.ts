<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdmissionView</name>
    <message>
        <source>Search name, credit code, application number, liaison or reason  (Ctrl+F)</source>
        <translation>搜索单位名称、信用代码、申请编号、联络员或原因（Ctrl+F）</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>受理新申请…</translation>
    </message>
    <message>
        <source>Receive a new applicant (Ctrl+N)</source>
        <translation>接待新的申请单位（Ctrl+N）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show what other workstations did meanwhile (F5)</source>
        <translation>显示其他工作站刚刚办理的情况（F5）</translation>
    </message>
    <message>
        <source>Open applications</source>
        <translation>办理中的申请</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已入会</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已谢绝</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>全部申请</translation>
    </message>
    <message>
        <source>Anyone in charge</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <source>Any waiting time</source>
        <translation>不限等待时间</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n day(s) or more</source>
        <translation>
            <numerusform>已等待 %n 天以上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>共 %n 份申请</numerusform>
        </translation>
    </message>
    <message>
        <source>Print queue (%1)…</source>
        <translation>打印队列（%1）…</translation>
    </message>
    <message>
        <source>No application matches these filters.</source>
        <translation>没有符合条件的申请。</translation>
    </message>
    <message>
        <source>No application here. Receive a new applicant with “New application…”.</source>
        <translation>这里没有申请。可用“受理新申请…”接待新的申请单位。</translation>
    </message>
    <message>
        <source>All open (%1)</source>
        <translation>全部办理中（%1）</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>申请单位</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>In charge</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已入会</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已谢绝</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Re-admission</source>
        <translation>重新入会</translation>
    </message>
    <message>
        <source>credit check failed</source>
        <translation>信用考察不合格</translation>
    </message>
</context>
</TS>
