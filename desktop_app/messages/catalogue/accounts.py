"""Messages of accounts: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "accounts.username_too_long_for_server": (
        "用户名“{username}”太长：在数据库“{database}”中，服务器角色名最多 63 个字节。请用更短的用户名。",
        'User name "{username}" is too long: in database "{database}" a server role name has at most 63 bytes. Please use a shorter user name.',
    ),
    "accounts.no_server_role": (
        "服务器上没有账户“{old_username}”的登录角色，请系统管理员重设该账户的密码以重建它。",
        'The server has no login role for account "{old_username}"; please ask the system administrator to reset this account\'s password to recreate it.',
    ),
    "accounts.wrong_credentials": (
        "用户名或密码错误。",
        "Wrong user name or password.",
    ),
    "accounts.wrong_credentials_or_disabled": (
        "用户名或密码错误（或该账户已停用）。",
        "Wrong user name or password (or the account is disabled).",
    ),
    "accounts.password_problem": (
        "密码：{problem}",
        "Password: {problem}",
    ),
    "accounts.passwords_differ": (
        "确认密码：两次输入的密码不一致",
        "Confirm password: the two passwords differ",
    ),
    "accounts.already_set_up": (
        "已有工作人员账户，不能再创建初始管理员",
        "Staff accounts already exist; the first administrator cannot be created again",
    ),
    "accounts.disabled": (
        "该账户已停用，请联系系统管理员。",
        "This account is disabled; please contact the system administrator.",
    ),
    "accounts.not_own_account": (
        "不能停用自己的账户或修改自己的角色",
        "You cannot disable your own account or change your own role",
    ),
    "accounts.mentor_still_serving": (
        "{full_name} 仍是 {serving} 个会员的班主任，不能停用或改为其他角色。请会籍管理部先在“班主任工作 → 班主任分配”中把这些会员移交给其他班主任。",
        '{full_name} is still the mentor of {serving:@member/members} and cannot be disabled or given another role. The membership office must first hand these members over to other mentors under "Mentors → Mentor allocation".',
    ),
    "accounts.staff_not_found": (
        "找不到该工作人员账户。",
        "Staff account not found.",
    ),
    "accounts.wrong_current_password": (
        "当前密码：不正确",
        "Current password: not correct",
    ),
    "accounts.username_problem": (
        "用户名：{problem}",
        "User name: {problem}",
    ),
    "accounts.bad_username": (
        "用户名：须为 2–64 位字母、数字、下划线、点或连字符",
        "User name: 2–64 letters, digits, underscores, dots or hyphens",
    ),
    "accounts.full_name_required": (
        "姓名：不能为空",
        "Name: must not be empty",
    ),
    "accounts.full_name_problem": (
        "姓名：{exc}",
        "Name: {exc}",
    ),
    "accounts.choose_role": (
        "角色：请选择一个角色",
        "Role: please choose a role",
    ),
    "accounts.username_taken": (
        "用户名：“{username}”已被 {full_name} 使用",
        'User name: "{username}" is already used by {full_name}',
    ),
    "accounts.history.created": (
        "新建账户 {username}（{label}）",
        "Account {username} created ({label})",
    ),
    "accounts.history.signed_in": (
        "{full_name} 登录",
        "{full_name} signed in",
    ),
    "accounts.history.unlocked": (
        "解除 {username} 的登录锁定",
        "Sign-in lock of {username} lifted",
    ),
    "accounts.history.password": (
        "修改 {username} 的密码",
        "Password of {username} changed",
    ),
    "accounts.history.changed": (
        "修改账户 {username}",
        "Account {username} changed",
    ),
    "accounts.locked": (
        "该账户已连续 {failures} 次输错密码，暂时锁定至 {until}（再输错，等待时间加倍）。请稍后再试，或请系统管理员解锁。",
        "This account has had a wrong password {failures} times in a row and is locked until {until} (another"
        " wrong password doubles the wait). Please try again later, or ask the system administrator to unlock it.",
    ),
}
