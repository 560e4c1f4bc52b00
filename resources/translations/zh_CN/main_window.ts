<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Member register</source>
        <translation>会员名册</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>入会申请</translation>
    </message>
    <message>
        <source>Mentors&apos; work</source>
        <translation>班主任工作</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书打印</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账户</translation>
    </message>
    <message>
        <source>Membership Office – Wuhan Construction Industry Association</source>
        <translation>武汉建筑业协会会籍管理</translation>
    </message>
    <message>
        <source> [demo database]</source>
        <translation>【演示数据库】</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read everything again: show what other workstations did meanwhile</source>
        <translation>重新读取全部数据：显示其他工作站在此期间所做的更改</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the program.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Membership Office %1
Wuhan Construction Industry Association

Database: %2</source>
        <translation>会籍管理 %1
武汉建筑业协会

数据库：%2</translation>
    </message>
</context>
</TS>
