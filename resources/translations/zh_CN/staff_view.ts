<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Set password for %1</source>
        <translation>设置 %1 的密码</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>At least 8 characters, not a common password such as 12345678, not the user name.</source>
        <translation>至少 8 位，不能是 12345678 之类的常见密码，也不能与用户名相同。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>New staff account</source>
        <translation>新建工作人员账户</translation>
    </message>
    <message>
        <source>Change staff account</source>
        <translation>修改工作人员账户</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>账户启用</translation>
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
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Let an account locked after repeated wrong passwords sign in again now</source>
        <translation>让因多次输错密码而锁定的账户立即可以重新登录</translation>
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
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 已可重新登录。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账户</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>请先选择一个账户。</translation>
    </message>
    <message>
        <source>The password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
</TS>
