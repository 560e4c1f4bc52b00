<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <source>This database has no staff accounts yet. Create the administrator account now; the administrator then creates the accounts of the office staff, mentors and leaders.</source>
        <translation>该数据库还没有任何工作人员账户。请先创建系统管理员账户，再由管理员为会籍管理员、班主任和驻会领导创建账户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>The account will be created as soon as the database is open.</source>
        <translation>数据库打开后将自动创建账户。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in – Membership Office</source>
        <translation>登录 — 会籍管理</translation>
    </message>
    <message>
        <source>Wuhan Construction Industry Association – Membership Office</source>
        <translation>武汉建筑业协会 会籍管理</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>You will be signed in as soon as the database is open.</source>
        <translation>数据库打开后将自动登录。</translation>
    </message>
</context>
</TS>
