// Every action the audit log records, with the label the audit page shows. writeAudit accepts
// only these names, so a new kind of write cannot reach the log without a label.
export const AUDIT_ACTIONS = {
  login: "登录",
  "login.throttle": "登录失败过多，暂缓登录",
  "login.address-block": "封禁尝试多个用户名的地址",
  "login.unlock": "解除登录限制",
  seed: "导入种子数据",
  "report.save": "保存月报",
  "report.submit": "提交月报",
  "report.approve": "审核通过月报",
  "report.return": "退回月报",
  "report.withdraw": "撤回月报",
  "report.import": "导入调度表",
  "issue.create": "登记问题",
  "issue.assign": "交办问题",
  "issue.acknowledge": "签收问题",
  "issue.progress": "记录办理进展",
  "issue.feedback": "反馈办理结果",
  "issue.accept": "复核通过，办结问题",
  "issue.return": "复核退回重办",
  "issue.close": "直接办结问题",
  "project.create": "新建项目",
  "project.update": "修改项目",
  "project.update-from-report": "按审核月报更新项目",
  "project.planned-investment": "修改倒排工期",
  "project.milestones": "修改节点目标",
  "node.record": "登记节点完成",
  "project.stats-figure": "登记入统数",
  "plan.create": "新建年度计划",
  "plan.update": "修改年度计划",
  "plan.entries": "修改年度清单",
  "period.open": "开放调度期",
  "period.deadline": "修改调度期截止日",
  "period.publish": "发布调度期",
  "period.reopen": "重新开放调度期",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.deactivate": "停用用户",
  "user.reactivate": "启用用户",
  "user.reset-password": "重置密码",
  "account.password": "修改本人密码",
  "account.session-end": "结束本人的一个登录会话",
  "account.sessions-end-others": "结束本人其他所有登录会话",
  "report-text.create": "新增报告段落",
  "report-text.update": "修改报告段落",
  "report-text.delete": "删除报告段落",
  "audit.retention": "修改操作日志保存期限",
  "audit.purge": "清理超过保存期限的操作日志",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The label of a recorded action (an unknown name, from an older version, shows as it is). */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
