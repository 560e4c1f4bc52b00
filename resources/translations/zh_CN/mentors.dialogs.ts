<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CirculationDialog</name>
    <message>
        <source>Record a circulation</source>
        <translation>登记文件传达</translation>
    </message>
    <message>
        <source>e.g. 武建协〔2026〕12号</source>
        <translation>如 武建协〔2026〕12号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>传达日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>传达给</translation>
    </message>
    <message>
        <source>%1 of %2 members</source>
        <translation>已选 %1 / %2 个会员</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Log a contact: %1</source>
        <translation>联系记录：%1</translation>
    </message>
    <message>
        <source>The liaison, unless someone else</source>
        <translation>默认为联络员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Spoke with</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>What was learnt</source>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>Difficulties or needs raised</source>
        <translation>提出的困难或需求</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进期限</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Outstanding liaison</source>
        <translation>评为优秀通联员</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>不予评选</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>未评选原因</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up done</source>
        <translation>跟进办结</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>What came of it</source>
        <translation>跟进结果</translation>
    </message>
</context>
<context>
    <name>HandoverFormDialog</name>
    <message>
        <source>Contact handover form: %1</source>
        <translation>会员单位联系资料交接通知单：%1</translation>
    </message>
    <message>
        <source>Write the new value of each item that changed; leave the others empty. To clear an item, write “-”. The office checks the values as the member editor does and applies the form.</source>
        <translation>在发生变化的项目填写变更后内容，其他项目留空；要删除某项内容请填“-”。会籍管理部按会员资料的校验规则核对后办理变更。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>现有资料</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>变更后内容</translation>
    </message>
    <message>
        <source>Reported by the member on</source>
        <translation>会员报告日期</translation>
    </message>
    <message>
        <source>Date of the form</source>
        <translation>填表日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>NewsDialog</name>
    <message>
        <source>Submit member news for publicity</source>
        <translation>报送会员新闻</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>请选择会员。</translation>
    </message>
</context>
<context>
    <name>NominationDialog</name>
    <message>
        <source>Nominate an outstanding liaison</source>
        <translation>推荐优秀通联员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>评选期</translation>
    </message>
    <message>
        <source>Why this liaison</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>请选择会员。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Outcome of “%1”</source>
        <translation>“%1”的结果</translation>
    </message>
    <message>
        <source>Where it was published, or why it was not used</source>
        <translation>刊发在哪里，或未采用的原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>WeChatDialog</name>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
