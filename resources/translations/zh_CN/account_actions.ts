<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountActions</name>
    <message>
        <source>Sign out / switch user…</source>
        <translation>退出登录 / 切换用户…</translation>
    </message>
    <message>
        <source>Close this window and sign in again, as yourself or as another person</source>
        <translation>关闭本窗口并重新登录（本人或其他人）</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Some work is still running. Sign out when it has finished?</source>
        <translation>还有工作正在进行。等它完成后退出登录吗？</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>The database was backed up to %1 (%2 MB).</source>
        <translation>数据库已备份到 %1（%2 MB）。</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>This is the database in use; choose a backup file.</source>
        <translation>这是正在使用的数据库本身，请选择一个备份文件。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有改动任何内容。</translation>
    </message>
    <message>
        <source>The database %1 will be replaced by the backup %2 (database version %3).

The current database is first kept as a backup in the backup folder. This window closes, the restored database opens, and everyone signs in again.</source>
        <translation>数据库 %1 将被备份 %2（数据库版本 %3）替换。

当前数据库会先另存到备份文件夹。本窗口随即关闭，打开恢复后的数据库，需要重新登录。</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复这个备份</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>已从 %1 恢复数据库。</translation>
    </message>
    <message>
        <source>The database as it was before is kept as %1.</source>
        <translation>恢复前的数据库已另存为 %1。</translation>
    </message>
</context>
</TS>
