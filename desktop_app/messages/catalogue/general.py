"""Messages of general: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "backup.destination_exists": (
        "“{destination}”已存在，不会覆盖。请换一个文件名。",
        '"{destination}" already exists and will not be overwritten. Please choose another file name.',
    ),
    "backup.destination_is_database": (
        "备份文件不能是数据库本身。",
        "The backup file cannot be the database itself.",
    ),
    "backup.not_sqlite": (
        "“{name}”不是 SQLite 数据库文件，不能用来恢复。",
        '"{name}" is not an SQLite database file and cannot be restored from.',
    ),
    "backup.damaged_integrity": (
        "“{name}”已损坏，不能用来恢复（完整性检查：{value}）。",
        '"{name}" is damaged and cannot be restored from (integrity check: {value}).',
    ),
    "backup.no_version": (
        "“{name}”没有数据库版本记录，不能用来恢复。",
        '"{name}" has no database version record and cannot be restored from.',
    ),
    "backup.too_new": (
        "“{name}”由更新版本的会籍管理程序创建（数据库版本 {revision}），本程序不能恢复它。请先安装最新版本的程序。",
        '"{name}" was made by a newer version of the membership program (database version {revision}); this program cannot restore it. Please install the latest version first.',
    ),
    "backup.history.restored": (
        "{who}从备份“{name}”（数据库版本 {revision}）恢复数据库",
        'Database restored from the backup "{name}" (database version {revision}) by {who}',
    ),
    "backup.history.restored_kept": (
        "{who}从备份“{name}”（数据库版本 {revision}）恢复数据库；恢复前的数据库已另存为 {saved}",
        'Database restored from the backup "{name}" (database version {revision}) by {who}; the database as it was is kept as {saved}',
    ),
    "backup.restore_self": (
        "要恢复的备份就是当前数据库本身。",
        "The backup to restore is the current database itself.",
    ),
    "backup.failed": (
        "备份失败：{exc}",
        "Backup failed: {exc}",
    ),
    "backup.unreadable": (
        "无法读取“{path}”：{value}",
        'Cannot read "{path}": {value}',
    ),
    "backup.damaged": (
        "“{name}”已损坏，不能用来恢复（{exc}）。",
        '"{name}" is damaged and cannot be restored from ({exc}).',
    ),
    "backup.not_ours": (
        "“{name}”是 SQLite 数据库，但不是会籍管理程序的数据库，不能用来恢复。",
        '"{name}" is an SQLite database but not one of the membership program\'s, and cannot be restored from.',
    ),
    "backup.restore_failed": (
        "恢复失败：{exc}。当前数据库未被改动。",
        "Restore failed: {exc}. The current database was not changed.",
    ),
    "settings.wrong_type": (
        "{label}：应为{get}",
        "{label}: should be {get}",
    ),
    "settings.problem": (
        "{label}：{problem}",
        "{label}: {problem}",
    ),
    "database.too_new": (
        "该数据库由更新版本的会籍管理程序创建（数据库版本 {revision}），本程序无法安全使用，也不会改动它。请安装最新版本的程序。",
        "This database was made by a newer version of the membership program (database version {revision}); this program cannot use it safely and will not change it. Please install the latest version.",
    ),
    "database.needs_upgrade": (
        "数据库尚未升级到本程序的版本。请系统管理员用数据库所有者的地址运行 membership-office migrate --db postgresql://所有者@服务器/数据库，然后再登录。",
        "The database has not been upgraded to this program's version yet. Please ask the system administrator to run membership-office migrate --db postgresql://owner@server/database with the owner's address, then sign in again.",
    ),
    "database.not_ours": (
        "该数据库已有其他数据表，但不是本程序的数据库，程序不会改动它。（已有数据表：{join}…）",
        "This database already holds other tables but is not this program's; the program will not change it. (Tables found: {join}…)",
    ),
    "numbering.bad_format": (
        "编号格式“{fmt}”无效：{exc}",
        'Number format "{fmt}" is not valid: {exc}',
    ),
    "security.permission_denied": (
        "您的角色“{label}”无权{value}。",
        'Your role "{label}" may not {value}.',
    ),
    "settings.history.changed": (
        "修改设置：{label}",
        "Setting changed: {label}",
    ),
    "backup.in_use": (
        "数据库正在被使用，不能恢复：\n{holders}\n请先关闭这些程序（窗口：文件 → 退出），再恢复。当前数据库未被改动。",
        "The database is in use and cannot be restored:\n{holders}\nPlease close these programs first (window:"
        " File → Quit), then restore. The current database was not changed.",
    ),
    "commands.sign_in_required": (
        "请用 --user 用户名 登录后再执行（密码取自环境变量 {variable}，或按提示输入）。",
        "Please sign in with --user NAME (the password is taken from the environment variable {variable}, or"
        " asked for).",
    ),
    "commands.no_password": (
        "没有 {username} 的密码：请设置环境变量 {variable}，或在终端中运行以便输入密码。",
        "No password for {username}: set the environment variable {variable}, or run in a terminal to type it.",
    ),
    "commands.interrupted": ("已中断，未保存任何更改。", "Interrupted; no change was saved."),
}
