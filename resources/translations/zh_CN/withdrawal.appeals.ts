<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppealsTab</name>
    <message>
        <source>Appeals in progress only</source>
        <translation>只看正在办理的申诉</translation>
    </message>
    <message>
        <source>Council&apos;s reply…</source>
        <translation>理事会答复…</translation>
    </message>
    <message>
        <source>Submit to the general assembly…</source>
        <translation>提交大会审议…</translation>
    </message>
    <message>
        <source>General assembly&apos;s decision…</source>
        <translation>大会审议结果…</translation>
    </message>
    <message>
        <source>Open the written appeal</source>
        <translation>查看申诉书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申诉日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Council&apos;s reply</source>
        <translation>理事会答复</translation>
    </message>
    <message>
        <source>General assembly</source>
        <translation>会员（代表）大会</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Article 13: a member contesting the council&apos;s confirmation of its cancellation may appeal; the council answers, and where needed the general assembly reviews it first. An appeal that succeeds restores the membership.</source>
        <translation>第十三条：会员单位对理事会确认取消会员资格的决定不服的，可提出申诉，由理事会作出答复，必要时提交会员（会员代表）大会审议后答复。申诉成立的，恢复会籍。</translation>
    </message>
    <message>
        <source>No appeal in progress.</source>
        <translation>没有正在办理的申诉。</translation>
    </message>
    <message>
        <source>No appeal has been filed.</source>
        <translation>尚无申诉。</translation>
    </message>
    <message>
        <source>Only the membership office records appeals.</source>
        <translation>只有会籍管理部可以登记申诉。</translation>
    </message>
    <message>
        <source>Select an appeal</source>
        <translation>请选择申诉</translation>
    </message>
    <message>
        <source>The council has answered, or the general assembly has it</source>
        <translation>理事会已答复，或已提交大会审议</translation>
    </message>
    <message>
        <source>Only an appeal waiting for the council&apos;s reply</source>
        <translation>只能对待理事会答复的申诉办理</translation>
    </message>
    <message>
        <source>Not before the general assembly</source>
        <translation>尚未提交会员（代表）大会</translation>
    </message>
    <message>
        <source>No scan was kept</source>
        <translation>没有保存扫描件</translation>
    </message>
    <message>
        <source>Submitted to the general assembly</source>
        <translation>提交大会审议</translation>
    </message>
    <message>
        <source>The council&apos;s reply</source>
        <translation>理事会答复</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Resolution number</source>
        <translation>决议文号</translation>
    </message>
    <message>
        <source>Restoring the membership reopens its spell, its positions (if their term runs on) and its mentor.</source>
        <translation>恢复会籍将重新开启其会籍期间，恢复任期未满的职务和原班主任。</translation>
    </message>
    <message>
        <source>Submit to the general assembly</source>
        <translation>提交会员（代表）大会审议</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The general assembly&apos;s decision</source>
        <translation>会员（代表）大会审议结果</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>审议日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Open tasks only</source>
        <translation>只看未完成的</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>已完成…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>没有待办事项。</translation>
    </message>
    <message>
        <source>Not your task</source>
        <translation>不是您的待办事项</translation>
    </message>
    <message>
        <source>Select an open task</source>
        <translation>请选择未完成的事项</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>完成待办事项</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
