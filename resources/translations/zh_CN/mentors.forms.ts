<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FormDetail</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>On file when filed</source>
        <translation>填表时的原内容</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>变更后内容</translation>
    </message>
    <message>
        <source>In the register now</source>
        <translation>现有资料</translation>
    </message>
    <message>
        <source>(as on the form)</source>
        <translation>（与表上一致）</translation>
    </message>
    <message>
        <source>Choose a form.</source>
        <translation>请选择一份交接单。</translation>
    </message>
    <message>
        <source>Form %1 — %2 (%3). Filed by %4 on %5; the member reported the change on %6. %7</source>
        <translation>交接单第 %1 号——%2（%3）。班主任 %4 于 %5 填表；会员于 %6 报告变更。%7</translation>
    </message>
    <message>
        <source>The register was changed after this form was filed: the values in red no longer match. The form cannot be applied; reject it so the mentor files it again.</source>
        <translation>该交接单填报后会员资料已被修改：红色的项目与表上原内容不符。此表不能办理，请退回，由班主任按现有资料重新填报。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
</context>
<context>
    <name>FormsView</name>
    <message>
        <source>Contact handover form</source>
        <translation>联系资料交接通知单</translation>
    </message>
    <message>
        <source>Pending forms</source>
        <translation>待办理的交接单</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已变更</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部交接单</translation>
    </message>
    <message>
        <source>Apply to the register</source>
        <translation>办理变更</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员单位</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>填报班主任</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>会员报告日期</translation>
    </message>
    <message>
        <source>Form date</source>
        <translation>填表日期</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>变更事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No longer matches</source>
        <translation>原内容已不符</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s)</source>
        <translation>
            <numerusform>共 %n 份交接单</numerusform>
        </translation>
    </message>
    <message>
        <source>No handover form waits for the office.</source>
        <translation>没有待办理的交接单。</translation>
    </message>
    <message>
        <source>No form here.</source>
        <translation>这里没有交接单。</translation>
    </message>
    <message>
        <source>The register changed since the form was filed: reject it instead</source>
        <translation>填表后会员资料已被修改，请退回该交接单</translation>
    </message>
    <message>
        <source>Apply the handover form</source>
        <translation>办理交接单</translation>
    </message>
    <message>
        <source>Change %1 exactly as form %2 says?

%3</source>
        <translation>按交接单第 %2 号变更“%1”的资料吗？

%3</translation>
    </message>
    <message>
        <source>Reject form %1</source>
        <translation>退回交接单第 %1 号</translation>
    </message>
    <message>
        <source>The form goes back to %1 with the reason; the member is not changed.</source>
        <translation>交接单连同原因退回给 %1，会员资料不变。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退回原因</translation>
    </message>
</context>
</TS>
