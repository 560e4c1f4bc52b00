<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdmissionLabels</name>
    <message>
        <source>Membership certificate</source>
        <translation>会员证</translation>
    </message>
    <message>
        <source>Plaque order</source>
        <translation>牌匾订制单</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Print queue: certificates and plaque orders</source>
        <translation>打印队列：会员证和牌匾订制单</translation>
    </message>
    <message>
        <source>Also show what was printed</source>
        <translation>同时显示已打印的</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员单位</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>会员证编号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Mark as printed</source>
        <translation>标记为已打印</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) waiting to be printed.</source>
        <translation>
            <numerusform>%n 份文书等待打印。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the documents to print first.</source>
        <translation>请先勾选要打印的文书。</translation>
    </message>
    <message>
        <source>Drawing the documents…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <source>After printing, tick what came out right and mark it as printed.</source>
        <translation>打印后，勾选打印无误的文书，再标记为已打印。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticked document(s) will be recorded as printed, by you, now, and leave the print queue. Only do this when the paper came out right: it cannot be undone here.</source>
        <translation>
            <numerusform>勾选的 %n 份文书将以您的名义、按现在的时间记为已打印，并离开打印队列。请确认纸张已正确打印：此处不能撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark them as printed</source>
        <translation>记为已打印</translation>
    </message>
</context>
</TS>
