<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MailingModel</name>
    <message>
        <source>To send</source>
        <translation>待寄出</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>被退回</translation>
    </message>
    <message>
        <source>No recipients</source>
        <translation>无收件会员</translation>
    </message>
    <message>
        <source>Being prepared</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Partly sent</source>
        <translation>部分寄出</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 address problem(s)</source>
        <translation>%1 个地址有问题</translation>
    </message>
    <message>
        <source>%1 without a photo</source>
        <translation>%1 个缺照片</translation>
    </message>
    <message>
        <source>%1 not notified</source>
        <translation>%1 个未告知</translation>
    </message>
    <message>
        <source>%1 returned</source>
        <translation>%1 个被退回</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent / delivered</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation>尚待处理</translation>
    </message>
    <message>
        <source>%1
%2
%3 recipients, %4 sent, %5 delivered, %6 returned</source>
        <translation>%1
%2
收件 %3 个，已寄 %4 个，签收 %5 个，退回 %6 个</translation>
    </message>
    <message>
        <source>Order ref.</source>
        <translation>用户订单号</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件单位</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Liaison told</source>
        <translation>告知联络员</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>%1 photo(s)</source>
        <translation>%1 张</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未告知</translation>
    </message>
</context>
</TS>
