<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>History</name>
    <message>
        <source>Entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Mentor assigned</source>
        <translation>分配班主任</translation>
    </message>
    <message>
        <source>Membership changed</source>
        <translation>会籍变更</translation>
    </message>
    <message>
        <source>Membership ended</source>
        <translation>会籍终止</translation>
    </message>
    <message>
        <source>Certificate number given</source>
        <translation>分配会员证编号</translation>
    </message>
    <message>
        <source>Put in the print queue</source>
        <translation>加入打印队列</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Business class</source>
        <translation>主营业务分类</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>班级微信群</translation>
    </message>
    <message>
        <source>Withdrawal letter</source>
        <translation>退会函件</translation>
    </message>
    <message>
        <source>Certificate returned</source>
        <translation>交回会员证</translation>
    </message>
    <message>
        <source>Ground recorded</source>
        <translation>登记不再符合会员条件</translation>
    </message>
    <message>
        <source>Ground lifted</source>
        <translation>解除不再符合会员条件</translation>
    </message>
    <message>
        <source>Cancellation candidate</source>
        <translation>取消会员资格候选</translation>
    </message>
    <message>
        <source>Notice sent</source>
        <translation>发出告知书</translation>
    </message>
    <message>
        <source>Case withdrawn</source>
        <translation>撤销案件</translation>
    </message>
    <message>
        <source>Obligations fulfilled</source>
        <translation>已履行义务</translation>
    </message>
    <message>
        <source>Deemed withdrawn</source>
        <translation>视为自动退会</translation>
    </message>
    <message>
        <source>Appeal filed</source>
        <translation>提出申诉</translation>
    </message>
    <message>
        <source>Appeal to the assembly</source>
        <translation>提交大会审议</translation>
    </message>
    <message>
        <source>Appeal rejected</source>
        <translation>申诉不成立</translation>
    </message>
    <message>
        <source>Membership restored</source>
        <translation>恢复会籍</translation>
    </message>
    <message>
        <source>Post recorded</source>
        <translation>登记职务</translation>
    </message>
    <message>
        <source>Post ended</source>
        <translation>职务终止</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>完成事项</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参加活动</translation>
    </message>
    <message>
        <source>Attendance removed</source>
        <translation>删除参加记录</translation>
    </message>
    <message>
        <source>Dues cancelled</source>
        <translation>取消会费</translation>
    </message>
    <message>
        <source>Bank line matched</source>
        <translation>对应银行流水</translation>
    </message>
    <message>
        <source>Address confirmed</source>
        <translation>核实地址</translation>
    </message>
    <message>
        <source>Mail returned</source>
        <translation>邮件退回</translation>
    </message>
    <message>
        <source>Mailing undone</source>
        <translation>撤销邮寄登记</translation>
    </message>
    <message>
        <source>Liaison told</source>
        <translation>已告知联络员</translation>
    </message>
    <message>
        <source>Mailing recipient</source>
        <translation>邮寄收件人</translation>
    </message>
    <message>
        <source>Mailing photo</source>
        <translation>邮寄照片</translation>
    </message>
    <message>
        <source>Mailing photo removed</source>
        <translation>删除邮寄照片</translation>
    </message>
    <message>
        <source>Envelope contents</source>
        <translation>信封内容</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
</TS>
