<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplicationPanel</name>
    <message>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>谢绝入会…</translation>
    </message>
    <message>
        <source>Abandoned…</source>
        <translation>撤销申请…</translation>
    </message>
    <message>
        <source>Back-payment decision…</source>
        <translation>补缴会费决定…</translation>
    </message>
    <message>
        <source>Correct details…</source>
        <translation>修改资料…</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>入会申请表</translation>
    </message>
    <message>
        <source>Filing form</source>
        <translation>备案表</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>办理步骤</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>上传人</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <source>Add a file…</source>
        <translation>上传文件…</translation>
    </message>
    <message>
        <source>Open / preview</source>
        <translation>打开 / 预览</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位资料</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Select an application in the queue.</source>
        <translation>请在列表中选择一份申请。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>已入会</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已谢绝</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>in charge: %1</source>
        <translation>经办人：%1</translation>
    </message>
    <message>
        <source>Re-admission (R-15.1): </source>
        <translation>重新入会（第十五条）：</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>已准予</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>Back-payment route %1 by the resident leader: %2</source>
        <translation>补缴会费恢复会籍：驻会领导%1，理由：%2</translation>
    </message>
    <message>
        <source>Earliest registration date: %1 (two full years, %2)</source>
        <translation>最早可办理入会登记日期：%1（满两年，%2）</translation>
    </message>
    <message>
        <source>No waiting period: the membership is restored by back-payment.</source>
        <translation>补缴会费恢复会籍，无须等待两年。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 since %2 (%n day(s))</source>
        <translation>
            <numerusform>%1，自 %2 起（%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing more to do: the application is %1.</source>
        <translation>无待办事项：该申请%1。</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, at most %1 MB each</source>
        <translation>PDF、JPEG 或 PNG，每个文件不超过 %1 MB</translation>
    </message>
    <message>
        <source>Level applied for</source>
        <translation>申请会员级别</translation>
    </message>
    <message>
        <source>Adds a file to the selected item of the checklist</source>
        <translation>为资料清单中选中的一项上传文件</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已入会</translation>
    </message>
    <message>
        <source>%1 is registered as a member.
Member number: %2
Certificate number: %3

The membership certificate and the plaque order are in the print queue. The new member has no mentor yet: assign one in the member register (filter “No mentor”).</source>
        <translation>%1 已登记入会。
会员编号：%2
会员证编号：%3

会员证和牌匾订制单已加入打印队列。新会员尚未分配班主任：请在会员名册中（筛选“未分配班主任”）分配。</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>The application goes back to redo the chosen stage; that stage and every later one are done again. Say why: it is kept in the history.</source>
        <translation>申请退回到所选步骤重新办理，该步骤及其后各步骤须重新办理。请写明原因，原因记入历史。</translation>
    </message>
    <message>
        <source>Redo from</source>
        <translation>退回到</translation>
    </message>
    <message>
        <source>Decline the application</source>
        <translation>谢绝入会</translation>
    </message>
    <message>
        <source>R-4.2: applicants with a single motive, no recognition of the association&apos;s role, unwilling to bear member obligations or with weak social responsibility are declined. The application stays on file with the reason.</source>
        <translation>第四条：对入会动机单一、对协会职能缺乏认同、不愿意承担会员义务、履行行业社会责任意识不强的单位，谢绝入会。申请连同原因存档备查。</translation>
    </message>
    <message>
        <source>Application abandoned</source>
        <translation>撤销申请</translation>
    </message>
    <message>
        <source>The applicant withdrew or no longer answers. The application stays on file with the reason.</source>
        <translation>申请单位撤回申请或不再联系。申请连同原因存档备查。</translation>
    </message>
    <message>
        <source>Back-payment decision</source>
        <translation>补缴会费恢复会籍决定</translation>
    </message>
    <message>
        <source>R-15.1: restoring a membership by paying the arrears is decided case by case from the reason the member left and its motive. If granted, the two-year wait does not apply and the member keeps its member number. Record the reason of the decision.</source>
        <translation>第十五条：申请补缴会费恢复会员资格的，须根据其退会原因和重新加入协会的动机研究决定。准予的，不受两年期限限制，保留原会员编号。请写明决定理由。</translation>
    </message>
    <message>
        <source>Add a scan or file</source>
        <translation>上传扫描件或文件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件和文件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未上传</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Remove the file</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <source>Remove “%1” from the application?</source>
        <translation>从该申请中删除“%1”？</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
</context>
</TS>
