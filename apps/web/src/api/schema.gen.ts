/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `node -r @swc-node/register infra/scripts/generate-web-api-types.ts` (the web build does).
 */

export interface paths {
    "/dev/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 开发环境：每个角色一个示例身份及其访问令牌
         * @description Only in development mode (npm start) without JWKS_URL; 404 otherwise.
         */
        get: operations["DevTokensController_list"];
        put?: never;
        /**
         * 开发环境：为任意角色与管辖范围签发访问令牌
         * @description Only in development mode (npm start) without JWKS_URL; 404 otherwise.
         */
        post: operations["DevTokensController_mint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计记录（只读）：最新的在前，谁、何时、做了什么、涉及哪个整顿对象；按记录编号分页（before 为上一页最后一条的编号）
         * @description Entries of cases in your county, and entries tied to no case. Keyset-paged on the entry id.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 核验审计链：先补记崩溃遗漏的操作，再逐条重算哈希并与签名检查点核对，报告损坏从哪条起；核验本身记入审计 */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本县的整顿批次 */
        get: operations["CampaignsController_list"];
        put?: never;
        /** 创建整顿批次并启动其倒计时、定期汇总与到期督办 (county department only, in its own county) */
        post: operations["CampaignsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个整顿批次 */
        get: operations["CampaignsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 整顿批次进展：剩余天数、最近一次汇总 */
        get: operations["CampaignsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 整顿进度走势：自整顿批次开始每日结束时各阶段的整顿对象数，及尚未销号数与理想进度（燃尽图），按用户范围统计
         * @description Computed from the cases’ timelines (case_event) in one query; days in Beijing time. The county sees its county, a township its township, an organization its own case.
         */
        get: operations["CampaignsController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/screening-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载摸排名单模板（.xlsx，含填写说明） */
        get: operations["ScreeningController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/screening-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传摸排名单（.xlsx 或 .csv），逐行校验并批量列入整顿名单；同一文件重复上传不会重复列入 (county department only) */
        post: operations["ScreeningController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/screening-imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 摸排名单导入进度 */
        get: operations["ScreeningController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出整顿台账（.xlsx，流式）：县级及审计为全县，乡镇党委为本乡镇；单次至多 LEDGER_MAX_CASES 个整顿对象，超出时 422，请按批次、乡镇或领域筛选 */
        get: operations["LedgerController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各乡镇（街道）整顿进展排名：转化率、逾期占比、逾期次数、约谈、群众满意率 */
        get: operations["NoticesController_ranking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/committee-accountability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 乡镇党委分级问责：各乡镇达到的等级（严肃批评、约谈并通报、追责问责）、当前提请的等级和县委组织部的决定 */
        get: operations["NoticesController_committeeAccountability"];
        put?: never;
        /** 对提请的乡镇党委问责等级作出决定（逐级提请，每级一次） */
        post: operations["NoticesController_decideCommittee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本批次的督查通报（县内各乡镇均可查看） */
        get: operations["NoticesController_list"];
        put?: never;
        /** 发布督查通报：排名与滞后的整顿对象取自当前数据，县委组织部可加通报批评（限期整改）与工作要求；编号按本批次顺延 */
        post: operations["NoticesController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/notices/{number}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载督查通报（.docx，可打印） */
        get: operations["NoticesController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/spot-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 本批次的抽查：各乡镇初验、回头看结果的随机样本，县委组织部的复核结论与乡镇结论是否一致（乡镇只看本乡镇）
         * @description The campaign’s spot-checks: the sample drawn of each township’s results, the county’s re-checks and whether they agree (a township committee sees its own).
         */
        get: operations["SpotChecksController_list"];
        put?: never;
        /**
         * 抽取样本：按整顿政策的抽查比例，从某乡镇已有初验或回头看结果的整顿对象中随机抽取（记录随机种子，可重现；每个乡镇每项只抽一次）
         * @description Draws a random, reproducible sample (the seed is recorded) of one township’s 初验 or 回头看 results at the policy’s share; once per township and stage.
         */
        post: operations["SpotChecksController_draw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/spot-checks/{spotCheckId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录复核结论：对抽中的整顿对象实地或查阅台账复核，写明合格与否及发现的情况；与乡镇结论不一致的计入该乡镇
         * @description Records the county’s re-check of one sampled organization; one that disagrees with the township’s result counts against the township.
         */
        post: operations["SpotChecksController_recordResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 节假日安排：各年份工作日的依据（系统内置、已录入或未录入），以及期限会用到却未录入的年份
         * @description Where each year’s working days come from, and the years deadlines need that have no holiday arrangement (counted Monday to Friday).
         */
        get: operations["HolidayCalendarController_holidays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/holidays/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 录入一年的节假日安排（依国务院办公厅通知）：放假日期与调休上班日；此后按工作日计算的期限以此为准
         * @description Enters or replaces a year’s statutory holiday arrangement; working-day periods computed from then on count on it (deadlines already set stay as they are).
         */
        put: operations["HolidayCalendarController_save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 列入整顿名单（摸排确定）：将一个党组织列为整顿对象
         * @description County department only; the organization must be in its county.
         */
        post: operations["CasesController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/cases/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量列入整顿名单
         * @description Up to 200 organizations. Each item is validated and opened on its own; `results[i].status` is what that item alone would have answered (201, 400, 403, 409 …).
         */
        post: operations["CasesController_openMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 整顿对象清单：按批次、阶段、领域、乡镇、逾期、督办等级、责任人筛选，分页排序
         * @description Only cases in your scope.
         */
        get: operations["CasesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/plan-warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 整顿方案提示：措施空泛、与本批次其他组织的方案高度相似
         * @description Warnings for the approver, never refusals: vague measures (加强、进一步 … with nothing countable) and plans near-identical to another organization’s in the campaign (Sørensen–Dice over character bigrams, ≥ 0.85).
         */
        get: operations["CasesController_planWarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/spot-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 本整顿对象的抽查复核：抽中它的乡镇初验、回头看结果，县委组织部的复核结论及是否与乡镇结论一致
         * @description The spot-checks whose sample holds this case, each with only this case’s item: the township’s result and the county’s re-check.
         */
        get: operations["CasesController_spotChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个整顿对象：状态、时间线与您可进行的操作 */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/assignTeam": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 落实包抓责任人 (assignTeam)
         * @description 落实“四个一”等包抓责任人；配齐后整顿对象进入“已落实包抓”。可操作角色 roles: 县委组织部 (county_department)、乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["assignTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/submitPlan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交整顿方案 (submitPlan)
         * @description 支部书记提交整顿方案：每个问题至少一条措施，明确责任人和时限，并写明问题根源。可操作角色 roles: 支部书记 (branch_secretary)。适用阶段 stages: 已落实包抓 (assigned)、制定整顿方案 (planning)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["submitPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/returnPlan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退回整顿方案 (returnPlan)
         * @description 乡镇（街道）党（工）委退回方案，写明需修改之处。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 制定整顿方案 (planning)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["returnPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/approvePlan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审批通过整顿方案 (approvePlan)
         * @description 乡镇（街道）党（工）委审批通过方案，整顿对象进入整顿实施。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 制定整顿方案 (planning)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["approvePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/addMeasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 增补整改措施 (addMeasures)
         * @description 整顿实施中增补措施，同样明确责任人和时限。可操作角色 roles: 支部书记 (branch_secretary)、乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["addMeasures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/approveMeasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批准补充措施 (approveMeasures)
         * @description 乡镇党委审批支部针对限期整改问题补充的整改措施，批准后方可重新公示。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["approveMeasures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/completeMeasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 整改措施销项 (completeMeasure)
         * @description 一项措施完成，写明整改成效。可操作角色 roles: 支部书记 (branch_secretary)、包抓责任人 (assigned_leader)。适用阶段 stages: 整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["completeMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/reportMeasureDone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 报告措施完成 (reportMeasureDone)
         * @description 支部书记（或措施责任人）报告一项措施已完成并附整改成效，经乡镇党委核验后方可销项。可操作角色 roles: 支部书记 (branch_secretary)、包抓责任人 (assigned_leader)。适用阶段 stages: 整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["reportMeasureDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/verifyMeasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核验整改措施 (verifyMeasure)
         * @description 乡镇党委核验支部报告完成的措施：核验通过即销项；未通过的写明理由、给出新的完成时限，退回整改。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["verifyMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/reportProgress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 汇报整顿进展 (reportProgress)
         * @description 按期汇报整顿进展（送联系县级领导）；支部书记、包抓责任人或乡镇党委均可汇报。可操作角色 roles: 支部书记 (branch_secretary)、包抓责任人 (assigned_leader)、乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 整顿实施 (remediating)、结果公示 (publicizing)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["reportProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/submitExplanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 逾期说明原因 (submitExplanation)
         * @description 对被要求说明原因的逾期事项作出说明。可操作角色 roles: 支部书记 (branch_secretary)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["submitExplanation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/startPublicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 启动结果公示 (startPublicity)
         * @description 全部措施销项后，公示整顿结果，接受党员群众评议。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["startPublicity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/resolveObjection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 处理公示异议 (resolveObjection)
         * @description 核实公示期间收到的异议：属实则退回整改，不成立则写明理由。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 结果公示 (publicizing)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["resolveObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/recordPreliminaryAcceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 党（工）委初验 (recordPreliminaryAcceptance)
         * @description 乡镇（街道）党（工）委对照台账、方案、成效初验。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 党（工）委初验 (preliminary_acceptance)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["recordPreliminaryAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/recordCountyAcceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 县级验收 (recordCountyAcceptance)
         * @description 县委组织部验收：通过则销号，未通过则限期整改。可操作角色 roles: 县委组织部 (county_department)。适用阶段 stages: 县级验收 (county_acceptance)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["recordCountyAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/recordFollowUpReview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回头看 (recordFollowUpReview)
         * @description 销号后回头看：未反弹则归档；发现问题则重新整顿，或转入下一轮整顿批次。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)、县委组织部 (county_department)。适用阶段 stages: 回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["recordFollowUpReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/recordTalk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录约谈 (recordTalk)
         * @description 记录按系统建议已进行的约谈：时间、约谈对象和约谈记录；只有记录的约谈才计入约谈次数。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)、县委组织部 (county_department)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["recordTalk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/declineTalk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 不予约谈 (declineTalk)
         * @description 对系统提请的约谈作出不予约谈的决定，并写明理由。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)、县委组织部 (county_department)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["declineTalk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/decideHandling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 作出组织处理决定 (decideHandling)
         * @description 县委组织部对提请的组织处理作出决定（调整书记、诫勉谈话、通报批评，或不予处理并写明理由）。可操作角色 roles: 县委组织部 (county_department)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["decideHandling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/reviewExplanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审核逾期说明 (reviewExplanation)
         * @description 审核支部对逾期的说明：认可的给出新的完成时限（到期仍未完成再提请约谈），不认可的即提请约谈。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["reviewExplanation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/replaceSecretary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 调整支部书记 (replaceSecretary)
         * @description 记录调整支部书记：新任书记（可为从县乡机关选派）、任职日期和原因；此后由新任书记办理、接收通知。可操作角色 roles: 乡镇（街道）党（工）委 (township_committee)、县委组织部 (county_department)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["replaceSecretary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/setRectificationDeadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 设定整改期限 (setRectificationDeadline)
         * @description 县委组织部为整顿批次截止后仍需整顿的对象设定整改期限，整改措施按此期限制定；也可延长限期整改的期限。可操作角色 roles: 县委组织部 (county_department)。适用阶段 stages: 已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["setRectificationDeadline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/recordSupervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录督导检查 (recordSupervision)
         * @description 记录县委组织部或乡镇（街道）党（工）委的督导检查（四不两直、暗访、抽查、常规督导）：时间、人员、发现的情况；整顿实施阶段发现的新问题列入限期整改。可操作角色 roles: 县委组织部 (county_department)、乡镇（街道）党（工）委 (township_committee)。适用阶段 stages: 摸排确定 (identified)、已落实包抓 (assigned)、制定整顿方案 (planning)、整顿实施 (remediating)、结果公示 (publicizing)、党（工）委初验 (preliminary_acceptance)、县级验收 (county_acceptance)、已销号 (delisted)、回头看 (follow_up_review)。Returns the case's new state, or the refusal as a problem.
         */
        post: operations["recordSupervision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 整顿工作统计：阶段、领域、乡镇分布，逾期，督办，转化率，各阶段平均用时，群众满意度
         * @description Only cases in your scope.
         */
        get: operations["DashboardController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/todos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的待办：待审批的方案、待完成的措施、待处理的异议、待说明的逾期、系统提请的约谈、待验收和回头看，按到期时间排序
         * @description Computed from the read model with the same rules as the actions you may take (actionsFor); only cases in your scope.
         */
        get: operations["TodosController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示内容：整顿方案、措施进展、验收结果（无需登录） */
        get: operations["PublicCasesController_notice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/cases/{caseId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 对公示结果提出异议（仅公示期内；同一来源对同一整顿对象未处理的异议至多 3 条，同一整顿对象至多 50 条） */
        post: operations["PublicCasesController_raiseObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/cases/{caseId}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 在线评价（公示期至县级验收前；每台设备对每个整顿对象只计一次，以 Cookie 识别设备；供验收参考，不作为验收依据） */
        post: operations["PublicCasesController_rateSatisfaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查：Postgres 与 Temporal 均可用时 200，否则 503 */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 本县投递失败的通知（死信）：重试次数用尽或无收件地址，逐渠道列出
         * @description Notifications of your county given up after the bounded attempts (NOTIFY_MAX_ATTEMPTS) or with no address, with each channel’s outcome.
         */
        get: operations["NotificationsController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/dead-letters/{key}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重新投递一条死信（已送达的渠道不再重发）
         * @description Re-queues a dead letter; channels that delivered are not sent again.
         */
        post: operations["NotificationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 维护本县通知收件人名录：人员（按整顿对象中的人员编号）与角色邮箱
         * @description Adds or replaces entries of your county’s recipient directory; e-mail notifications go to these addresses.
         */
        put: operations["NotificationsController_save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 本县工作群机器人（钉钉、企业微信）：地址中的令牌只显示末四位，加签密钥不返回
         * @description Your county’s DingTalk / WeCom group robots; tokens masked, secrets never returned.
         */
        get: operations["NotificationsController_robots"];
        /**
         * 设置本县工作群机器人：钉钉（Webhook 地址、可选加签密钥）与企业微信（Webhook 地址），本县的通知同时发到群里
         * @description Sets or removes your county’s DingTalk / WeCom group robots; each is one more delivery channel for the county’s notifications. A DingTalk secret left out keeps the stored one, null removes it. Answers the robots as GET does (no secrets).
         */
        put: operations["NotificationsController_saveRobots"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的通知：系统发给我的提醒、要求、建议（按人员编号，或按我的角色和管辖范围），最新的在前，含未读条数
         * @description Notifications addressed to you by your user id, or to your role in your scope; only cases in your scope. Newest first, with the unread count.
         */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 标为已读：指定的通知（keys），或全部（all: true）
         * @description Marks the given notifications of yours read, or all of them; keys that are not yours are passed over.
         */
        post: operations["InboxController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        DevScopeDto: {
            /**
             * 管辖层级
             * @description county 县 / township 乡镇（街道）/ organization 党组织
             * @enum {string}
             */
            level: "county" | "township" | "organization";
            /**
             * 县
             * @example 示范县
             */
            county: string;
            /**
             * 乡镇
             * @description level = township 时必填
             * @example 青山镇
             */
            township?: string;
            /**
             * 党组织代码
             * @description level = organization 时必填
             * @example demo-org
             */
            orgCode?: string;
        };
        DevActorView: {
            /** @example dev-township */
            userId: string;
            /** @example 青山镇党委（开发） */
            name: string;
            /** @enum {string} */
            role: "county_department" | "township_committee" | "assigned_leader" | "branch_secretary" | "auditor";
            scope: components["schemas"]["DevScopeDto"];
        };
        DevTokenView: {
            actor: components["schemas"]["DevActorView"];
            /** @description HS256 JWT, valid for 12 hours: `Authorization: Bearer <token>` */
            token: string;
        };
        DevTokenListView: {
            /** @description One sample identity per role, in the development county */
            items: components["schemas"]["DevTokenView"][];
        };
        DevTokenRequestDto: {
            /**
             * 用户编号
             * @description 令牌的 sub
             * @example dev-township-2
             */
            userId: string;
            /**
             * 名称
             * @example 青山镇党委（开发）
             */
            name: string;
            /**
             * 角色
             * @example township_committee
             * @enum {string}
             */
            role: "county_department" | "township_committee" | "assigned_leader" | "branch_secretary" | "auditor";
            /** 管辖范围 */
            scope: components["schemas"]["DevScopeDto"];
        };
        AuditEntryView: {
            /** @description 记录编号（链上顺序） */
            id: string;
            /** @description 时间 */
            at: string;
            /** @description 操作人编号 */
            userId: string;
            /** @description 操作人 */
            userName: string;
            /** @description 操作人角色（system 为系统） */
            role: string;
            /** @description 操作（操作名，如 approvePlan） */
            action: string;
            /** @description 操作的中文名称 */
            actionLabel: string;
            /** @description accepted 已生效；refused:<规则> 被拒绝；error 出错；accepted:reconciled 从时间线补记 */
            outcome: string;
            /** @description 整顿对象编号（与整顿对象无关的操作为 null） */
            caseId: string | null;
            /** @description 整顿对象（党组织名称） */
            orgName: string | null;
            /** @description 乡镇（街道） */
            township: string | null;
            /** @description 本条记录的哈希 */
            hash: string;
        };
        AuditEntryPageView: {
            /** @description 最新的在前 */
            items: components["schemas"]["AuditEntryView"][];
            /** @description 下一页的 before；没有更早的记录时为 null */
            nextBefore: string | null;
        };
        AuditVerifyView: {
            /** @description 整条审计链完整，且与所有签名检查点相符 */
            ok: boolean;
            /** @description 已核验的记录数 */
            checked: number;
            /** @description 核对过的签名检查点数 */
            checkpoints?: number;
            /** @description 损坏从哪条记录起：第一条被篡改、断链或缺失的记录编号 */
            firstBrokenId?: string;
            /**
             * @description link_broken 断链（其前记录被删改）；hash_mismatch 记录被改写；checkpoint_mismatch 与签名检查点不符（删改后重算哈希）；entries_missing 记录缺失（删除链尾或清空）；checkpoint_forged 检查点签名无效；checkpoints_missing 检查点被删除
             * @enum {string}
             */
            problem?: "link_broken" | "hash_mismatch" | "checkpoint_mismatch" | "entries_missing" | "checkpoint_forged" | "checkpoints_missing";
            /** @description 仍与审计链相符的最新检查点编号 */
            lastGoodCheckpointId?: string;
            /** @description 问题说明（中文 / English） */
            message?: string;
            /** @description 核验前从整顿对象时间线补记的审计记录数（请求在操作生效后、记审计前中断） */
            reconciled: number;
            /** @description 仍与审计链相符的最新签名检查点的签署时间（本次核验签署的，或此前的） */
            lastCheckpointAt?: string;
        };
        PeriodDto: {
            /**
             * 时长
             * @example 15
             */
            amount: number;
            /**
             * 计时单位
             * @description seconds (tests only), days, or workingDays (法定工作日)
             * @example workingDays
             * @enum {string}
             */
            unit: "seconds" | "days" | "workingDays";
        };
        CommitteeThresholdsDto: {
            /**
             * 逾期占比阈值
             * @description 严肃批评、约谈并通报、追责问责各级的逾期占比（0–1）
             * @example [
             *       0.2,
             *       0.35,
             *       0.5
             *     ]
             */
            overdueShare: number[];
            /**
             * 约谈次数阈值
             * @description 各级对应的本乡镇约谈次数
             * @example [
             *       2,
             *       4,
             *       6
             *     ]
             */
            talks: number[];
        };
        CampaignPolicyDto: {
            /**
             * 整顿方案期限
             * @description 落实包抓后提交并审批整顿方案的期限
             */
            planPeriod?: components["schemas"]["PeriodDto"];
            /** 结果公示期 */
            publicityPeriod?: components["schemas"]["PeriodDto"];
            /**
             * 限期整改期
             * @description 验收未通过或异议属实后的限期整改期
             */
            rectificationPeriod?: components["schemas"]["PeriodDto"];
            /** 定期汇报周期 */
            reportCadence?: components["schemas"]["PeriodDto"];
            /**
             * 到期提醒提前量
             * @description 到期前提醒提前量（seconds 或 days）
             */
            reminderLead?: components["schemas"]["PeriodDto"];
            /**
             * 督办间隔
             * @description 说明原因→约谈→再次约谈的间隔（seconds 或 days）
             */
            escalationInterval?: components["schemas"]["PeriodDto"];
            /**
             * 回头看间隔
             * @description 销号后到回头看的时间
             */
            reviewDelay?: components["schemas"]["PeriodDto"];
            /**
             * 满意率要求
             * @description 县级验收要求的测评满意率（满意+基本满意），默认 0.8（本系统的默认值，可按本县要求调整）
             * @example 0.8
             */
            satisfactionThreshold?: number;
            /**
             * 知晓率要求
             * @description 县级验收要求的群众知晓率（测评中知晓整顿情况的人数占比），默认 0.8（本系统的默认值）
             * @example 0.8
             */
            awarenessThreshold?: number;
            /**
             * 测评人数上限
             * @description 一次测评可录入的参加人数上限，超过视为录入错误，默认 2000
             * @example 2000
             */
            assessmentMaxRespondents?: number;
            /**
             * 抽查比例
             * @description 县委组织部抽查各乡镇初验、回头看结果的比例（向上取整，至少 1 个），默认 0.2（本系统的默认值）
             * @example 0.2
             */
            spotCheckShare?: number;
            /**
             * 进度汇总周期
             * @description 向县委组织部发送整顿进度汇总的周期（默认每 30 天）
             */
            summaryCadence?: components["schemas"]["PeriodDto"];
            /**
             * 措施核验时限
             * @description 支部报告措施完成后，乡镇党委核验的时限（seconds 或 days，默认 7 天）
             */
            verificationPeriod?: components["schemas"]["PeriodDto"];
            /**
             * 回头看报告时限
             * @description 回头看到期后，乡镇党委记录回头看结果（报县委组织部）的时限（seconds 或 days，默认 30 天）
             */
            reviewPeriod?: components["schemas"]["PeriodDto"];
            /**
             * 乡镇党委分级问责阈值
             * @description 默认逾期占比 20%/35%/50% 或约谈 2/4/6 次
             */
            committeeThresholds?: components["schemas"]["CommitteeThresholdsDto"];
        };
        TownshipReelectionDto: {
            /**
             * 乡镇
             * @example 青山镇
             */
            township: string;
            /**
             * 该乡镇换届日期
             * @example 2027-01-15T00:00:00+08:00
             */
            at: string;
        };
        ReelectionDto: {
            /**
             * 换届日期
             * @description 全县村（社区）“两委”换届日期；农村整顿措施须在此前完成
             * @example 2027-01-10T00:00:00+08:00
             */
            at: string;
            /** 另定换届日期的乡镇 */
            townships?: components["schemas"]["TownshipReelectionDto"][];
        };
        CreateCampaignDto: {
            /**
             * 整顿批次名称
             * @example 2026年软弱涣散基层党组织整顿
             */
            name: string;
            /**
             * 县
             * @description Must be the caller’s own county
             * @example 示范县
             */
            county: string;
            /**
             * 截止时间
             * @description 硬性截止时间（10月底前全面完成）
             * @example 2026-10-31T23:59:59+08:00
             */
            endsAt: string;
            /**
             * 整顿政策
             * @description 只需给出要改的期限，其余取默认值 (the rest from DEFAULT_POLICY)
             */
            policy?: components["schemas"]["CampaignPolicyDto"];
            /**
             * 村（社区）“两委”换届
             * @description 有换届时填写：农村整顿措施的完成时限不得晚于换届日期
             */
            reelection?: components["schemas"]["ReelectionDto"];
        };
        ReelectionView: {
            at: string;
            /** @description 乡镇 → 该乡镇换届日期 */
            byTownship: Record<string, never>;
        };
        CampaignView: {
            id: string;
            name: string;
            county: string;
            endsAt: string;
            policy: components["schemas"]["CampaignPolicyDto"];
            reelection: components["schemas"]["ReelectionView"] | null;
            createdBy: string;
            createdAt: string;
        };
        CampaignListView: {
            items: components["schemas"]["CampaignView"][];
        };
        CampaignStatusView: {
            /** @example c0123456789ab */
            campaignId: string;
            /** @example campaign:c0123456789ab */
            workflowId: string;
            /**
             * @description 距截止时间剩余天数（已过为 0）
             * @example 120
             */
            daysLeft: number;
            /** @description 计算 daysLeft 的时间 */
            asOf: string;
            startedAt: string;
            endsAt: string;
            /** @description 已发送的进展汇总次数 */
            summariesSent: number;
            nextSummaryAt: string | null;
            /** @description 最近一次进展汇总（全县数字，仅县级用户可见；尚无或非县级用户为 null） */
            lastSummary: Record<string, never> | null;
            /** @description 已到截止时间并完成到期督办 */
            ended: boolean;
            /** @description 到期督办报告（全县数字，仅县级用户可见） */
            end: Record<string, never> | null;
        };
        ProgressStageView: {
            /** @example remediating */
            stage: string;
            /** @example 整顿实施 */
            label: string;
        };
        ProgressDayView: {
            /**
             * @description 日期（北京时间）
             * @example 2026-11-30
             */
            date: string;
            /** @description 当日结束时各阶段的整顿对象数；今天以后为 null */
            byStage: {
                [key: string]: number;
            } | null;
            /** @description 当日结束时尚未销号的整顿对象数（剩余工作）；今天以后为 null */
            remaining: number | null;
            /** @description 理想进度：已列入的整顿对象自开始之日起匀速销号、截止日清零时当日应剩的数目 */
            ideal: number;
        };
        CampaignProgressView: {
            campaignId: string;
            /**
             * @description 首日（整顿批次创建之日，北京时间）
             * @example 2026-11-01
             */
            startsOn: string;
            /**
             * @description 截止日（北京时间）
             * @example 2027-10-31
             */
            endsOn: string;
            /** @description 今天（北京时间）；其后各日只有理想进度 */
            today: string;
            /** @description 统计范围内已列入的整顿对象数（理想进度的起点） */
            listed: number;
            /** @description 阶段，按整顿流程先后 */
            stages: components["schemas"]["ProgressStageView"][];
            days: components["schemas"]["ProgressDayView"][];
            /**
             * @description 剩余工作指什么
             * @example 尚未销号的整顿对象（已销号、回头看、已归档之前的各阶段）
             */
            remainingMeans: string;
            /** @description 只显示最近的天数时为 true（整顿批次超过上限天数） */
            truncated: boolean;
        };
        ScreeningUploadBody: {
            /**
             * Format: binary
             * @description 摸排名单（.xlsx 或 .csv，不超过 10 MB）
             */
            file: string;
        };
        ScreeningIssueView: {
            /**
             * @description 表格行号（表头为第 1 行）
             * @example 3
             */
            row: number;
            /**
             * @description 列名
             * @example 领域
             */
            field: string;
            /**
             * @description 原因（中文）
             * @example 领域“工厂”无效
             */
            reason: string;
        };
        ScreeningUploadView: {
            /** @description <批次编号>:<文件 SHA-256> */
            importId: string;
            workflowId: string;
            campaignId: string;
            fileName: string | null;
            fileSha256: string;
            /** @description 文件中的数据行数 */
            rowCount: number;
            /** @description 待导入（校验通过）的党组织数 */
            total: number;
            /** @description 已列入整顿名单 */
            started: number;
            /** @description 此前已在本批次列入整顿名单 */
            alreadyExisting: number;
            failed: number;
            done: boolean;
            issueCount: number;
            createdAt: string;
            finishedAt: string | null;
            /** @description false：同一文件此前已上传，未启动任何新的导入 */
            created: boolean;
            /** @description 有误的行；所在党组织整体未导入 */
            issues: components["schemas"]["ScreeningIssueView"][];
        };
        ImportProgressView: {
            /** @description <批次编号>:<文件 SHA-256> */
            importId: string;
            workflowId: string;
            campaignId: string;
            fileName: string | null;
            fileSha256: string;
            /** @description 文件中的数据行数 */
            rowCount: number;
            /** @description 待导入（校验通过）的党组织数 */
            total: number;
            /** @description 已列入整顿名单 */
            started: number;
            /** @description 此前已在本批次列入整顿名单 */
            alreadyExisting: number;
            failed: number;
            done: boolean;
            issueCount: number;
            createdAt: string;
            finishedAt: string | null;
        };
        TownshipRankingView: {
            /** @description 各乡镇（街道）按转化率、逾期占比、约谈次数排名 */
            ranking: {
                [key: string]: unknown;
            }[];
        };
        CommitteeAccountabilityRowView: {
            /** @description 该乡镇的排名与数据 */
            figures: {
                [key: string]: unknown;
            };
            /** @description 数据已达到的等级 */
            reached: ("serious_criticism" | "talk_and_notice" | "accountability")[];
            /**
             * @description 当前提请县委组织部决定的等级（逐级提请）
             * @enum {string}
             */
            proposed?: "serious_criticism" | "talk_and_notice" | "accountability";
            /** @description 已作出的决定 */
            decisions: {
                [key: string]: unknown;
            }[];
        };
        CommitteeAccountabilityView: {
            /** @description 本批次的分级问责阈值（逾期占比、约谈次数） */
            thresholds: {
                [key: string]: unknown;
            };
            townships: components["schemas"]["CommitteeAccountabilityRowView"][];
        };
        DecideCommitteeDto: {
            /**
             * 乡镇（街道）
             * @example 河口镇
             */
            township: string;
            /**
             * 问责等级
             * @description serious_criticism 严肃批评 / talk_and_notice 约谈并通报 / accountability 追责问责
             * @enum {string}
             */
            grade: "serious_criticism" | "talk_and_notice" | "accountability";
            /**
             * 决定
             * @description carried_out 已实施 / not_warranted 经研究不予实施
             * @enum {string}
             */
            decision: "carried_out" | "not_warranted";
            /**
             * 决定依据或理由
             * @example 逾期占比超过三成，经部务会研究予以严肃批评
             */
            reason: string;
        };
        NoticeCriticismDto: {
            /**
             * 被通报批评的乡镇（街道）
             * @example 河口镇
             */
            township: string;
            /**
             * 通报批评事项
             * @example 3个整顿对象整改措施逾期未完成，约谈后仍无进展
             */
            text: string;
            /**
             * 整改期限
             * @example 2026-12-15T00:00:00+08:00
             */
            deadline: string;
        };
        IssueNoticeDto: {
            /** 通报批评、限期整改 */
            criticisms?: components["schemas"]["NoticeCriticismDto"][];
            /**
             * 工作要求
             * @example 各乡镇党委要对照排名，逐个销号，于月底前报送整改情况。
             */
            remarks?: string;
        };
        NoticeView: {
            /**
             * @description 本批次第几期
             * @example 1
             */
            number: number;
            /** @example 2026年软弱涣散基层党组织整顿工作督查通报（第1期） */
            title: string;
            issuedAt: string;
            /** @example 县委组织部组织科 */
            issuedBy: string;
            /** @description 排名、滞后的整顿对象、通报批评与工作要求 */
            content: {
                [key: string]: unknown;
            };
        };
        NoticeListView: {
            items: components["schemas"]["NoticeView"][];
        };
        SpotCheckRecheckView: {
            /** 复核结论（合格） */
            passed: boolean;
            /** 与乡镇结论一致 */
            agrees: boolean;
            /** 复核发现的情况 */
            finding: string;
            /** 复核人 */
            checkedBy: string;
            /** 复核时间 */
            checkedAt: string;
        };
        SpotCheckItemView: {
            /** 整顿对象 */
            caseId: string;
            /** 组织名称 */
            orgName: string;
            /** 乡镇结论（合格） */
            townshipPassed: boolean;
            /** 乡镇结论时间 */
            townshipAt: string;
            /** 乡镇意见 */
            townshipOpinion: string;
            /** 县委组织部复核 */
            recheck?: components["schemas"]["SpotCheckRecheckView"];
        };
        SpotCheckView: {
            /** 抽查编号 */
            id: number;
            /** 乡镇（街道） */
            township: string;
            /**
             * 抽查内容
             * @enum {string}
             */
            stage: "preliminary_acceptance" | "follow_up_review";
            /**
             * 抽查内容（中文）
             * @example 乡镇初验
             */
            stageLabel: string;
            /**
             * 抽查比例
             * @example 0.2
             */
            share: number;
            /**
             * 随机种子
             * @description 与抽样范围一起可重现样本（SHA-256 排序，取比例向上取整，至少 1 个）
             */
            seed: string;
            /**
             * 抽样范围
             * @description 抽样时已有乡镇结论的整顿对象
             */
            population: string[];
            /** 按种子重抽结果与记录一致 */
            reproducible: boolean;
            /** 抽取人 */
            drawnBy: string;
            /** 抽取时间 */
            drawnAt: string;
            /** 抽中的整顿对象 */
            items: components["schemas"]["SpotCheckItemView"][];
            /** 已复核 */
            rechecked: number;
            /** 与乡镇结论不一致 */
            disagreed: number;
        };
        SpotCheckListView: {
            items: components["schemas"]["SpotCheckView"][];
        };
        DrawSpotCheckDto: {
            /**
             * 乡镇（街道）
             * @example 河口镇
             */
            township: string;
            /**
             * 抽查内容
             * @description preliminary_acceptance 乡镇初验结果 / follow_up_review 乡镇回头看结果
             * @enum {string}
             */
            stage: "preliminary_acceptance" | "follow_up_review";
        };
        RecordSpotCheckResultDto: {
            /**
             * 整顿对象
             * @example case:c2026:410323-001
             */
            caseId: string;
            /**
             * 复核结论（合格）
             * @description true 合格 / false 不合格；与乡镇结论不一致的计入该乡镇
             */
            passed: boolean;
            /**
             * 复核发现的情况
             * @example 实地查看“三会一课”记录，与台账一致
             */
            finding: string;
        };
        HolidayPeriodDto: {
            /**
             * 节日名称
             * @example 元旦
             */
            name: string;
            /**
             * 放假开始日
             * @example 2027-01-01
             */
            from: string;
            /**
             * 放假结束日（含）
             * @example 2027-01-03
             */
            to: string;
        };
        HolidayYearView: {
            /** @example 2027 */
            year: number;
            /**
             * @description entered 已录入 · package 系统内置 · missing 未录入（按周一至周五计算工作日）
             * @enum {string}
             */
            source: "entered" | "package" | "missing";
            /** @example 未录入 */
            sourceLabel: string;
            /** @description 工作日期限会用到这一年（今年、入秋后的明年、各批次截止日所在年份） */
            needed: boolean;
            /** @description 录入的放假安排（系统内置的年份为空） */
            holidays: components["schemas"]["HolidayPeriodDto"][];
            makeUpWorkdays: string[];
            enteredBy?: string;
            enteredAt?: string;
        };
        HolidayCalendarView: {
            years: components["schemas"]["HolidayYearView"][];
            /** @description 期限会用到、却没有节假日安排的年份：这些年份按周一至周五计算工作日，截止日期可能有误 */
            missingYears: number[];
        };
        SaveHolidayArrangementDto: {
            /**
             * 放假安排
             * @description 按国务院办公厅通知逐项录入
             */
            holidays: components["schemas"]["HolidayPeriodDto"][];
            /**
             * 调休上班日
             * @description 需要上班的周六、周日
             * @example [
             *       "2027-02-20"
             *     ]
             */
            makeUpWorkdays: string[];
        };
        PersonDto: {
            /**
             * 人员编号
             * @example sec-410323-001
             */
            personId: string;
            /**
             * 姓名
             * @example 王建国
             */
            name: string;
        };
        OrganizationDto: {
            /**
             * 党组织代码
             * @description 党组织统一代码（字母、数字、. - _）
             * @example 410323-001
             */
            code: string;
            /**
             * 党组织名称
             * @example 青山村党支部
             */
            name: string;
            /**
             * 领域
             * @example rural
             * @enum {string}
             */
            domain: "rural" | "state_owned_enterprise" | "non_public_enterprise" | "community" | "agency" | "school" | "hospital" | "social_organization";
            /**
             * 乡镇
             * @description 乡镇，或企业、机关所属的党（工）委
             * @example 青山镇
             */
            township: string;
            /**
             * 是否重点村、难点村
             * @default false
             */
            isKeyVillage: boolean;
            /** 支部书记 */
            secretary: components["schemas"]["PersonDto"];
        };
        ProblemInputDto: {
            /**
             * 问题类别
             * @example lax_inner_party_life
             * @enum {string}
             */
            category: "responsibility_not_carried_out" | "not_a_bastion" | "study_on_paper_only" | "reelection_overdue" | "lax_inner_party_life" | "lax_member_management" | "irregular_dues" | "poor_new_member_quality" | "weak_inner_party_supervision" | "anti_corruption_duty_lapsed" | "work_style_unchanged" | "members_not_exemplary" | "party_work_not_integrated" | "cadre_criminal_record" | "village_bully_or_crime_links" | "criminal_or_religious_interference" | "petitions_and_conflicts" | "secretary_incompetent" | "leadership_incomplete" | "irregular_organizational_life" | "two_skins" | "joint_branch_nominal" | "activities_infrequent" | "weak_coverage" | "other";
            /**
             * 问题描述
             * @example “三会一课”不经常，组织生活流于形式
             */
            description: string;
        };
        TeamMemberDto: {
            /**
             * 包抓角色
             * @description 包抓角色（四个一等），须适用于该组织的领域
             * @example county_leader
             * @enum {string}
             */
            teamRole: "county_leader" | "township_leader" | "first_secretary" | "paired_agency" | "designated_cadre" | "supervising_committee" | "party_building_instructor" | "linked_leader" | "responsible_leader";
            /**
             * 人员编号
             * @example lead-county
             */
            personId: string;
            /**
             * 姓名
             * @example 陈副县长
             */
            name: string;
            /**
             * 职务
             * @example 县委常委、组织部部长
             */
            title?: string;
            /**
             * 是否乡镇党委书记
             * @description 重点村、难点村的包村乡镇领导须为乡镇党委书记
             */
            isTownshipPartySecretary?: boolean;
            /**
             * 选派单位
             * @description 非公企业的联系领导、党建指导员须注明选派单位
             * @example 县市场监督管理局
             */
            appointingUnit?: string;
        };
        OpenCaseDto: {
            /** 党组织 */
            org: components["schemas"]["OrganizationDto"];
            /**
             * 确定方式
             * @example screening
             * @enum {string}
             */
            source: "screening" | "inspection" | "petition" | "rollover";
            /** 查摆问题 */
            problems: components["schemas"]["ProblemInputDto"][];
            /**
             * 包抓责任人
             * @description 配齐后进入“已落实包抓”
             */
            team?: components["schemas"]["TeamMemberDto"][];
        };
        OpenedCaseView: {
            /** @example case:c1a2b3c4d5e6:410323-001 */
            caseId: string;
        };
        OpenCasesBatchDto: {
            /** 整顿对象 */
            cases: components["schemas"]["OpenCaseDto"][];
        };
        FieldErrorDto: {
            /** @example measures[0].dueAt */
            field: string;
            /** @example 必须是 ISO 8601 格式的日期时间 */
            detail: string;
            /** @example dueAt must be a valid ISO 8601 date string */
            detail_en: string;
        };
        RuleDto: {
            /** @example wrong_stage */
            code: string;
            details: {
                [key: string]: unknown;
            };
        };
        ProblemDto: {
            /** @example urn:zhengdun:problem:wrong_stage */
            type: string;
            /** @example 操作被拒绝 */
            title: string;
            /** @example Conflict */
            title_en: string;
            /** @example 409 */
            status: number;
            /** @example 当前处于“已落实包抓”阶段，不能“启动结果公示” */
            detail: string;
            /** @example startPublicity is not allowed in stage assigned */
            detail_en: string;
            /** @example /cases/case:c1:org1/actions/startPublicity */
            instance?: string;
            /**
             * @description Stable machine-readable code
             * @example wrong_stage
             */
            code: string;
            /** @description The field(s) at fault (400, and rules naming a field) */
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @description The domain rule that refused the action */
            rule?: components["schemas"]["RuleDto"];
            /** @description Request id, also in the X-Request-Id header and the logs */
            traceId?: string;
        };
        BatchItemResultView: {
            index: number;
            orgCode?: string;
            /**
             * @description The status this item would have had on its own
             * @example 201
             */
            status: number;
            caseId?: string;
            problem?: components["schemas"]["ProblemDto"];
        };
        BatchResultView: {
            created: number;
            failed: number;
            results: components["schemas"]["BatchItemResultView"][];
        };
        CaseSummaryView: {
            /** @example case:c1a2b3c4d5e6:410323-001 */
            caseId: string;
            campaignId: string;
            county: string;
            orgCode: string;
            orgName: string;
            /** @enum {string} */
            domain: "rural" | "state_owned_enterprise" | "non_public_enterprise" | "community" | "agency" | "school" | "hospital" | "social_organization";
            township: string;
            isKeyVillage: boolean;
            /** @enum {string} */
            stage: "identified" | "assigned" | "planning" | "remediating" | "publicizing" | "preliminary_acceptance" | "county_acceptance" | "delisted" | "follow_up_review" | "archived";
            round: number;
            overdue: boolean;
            /** @enum {number} */
            escalationLevel: 0 | 1 | 2 | 3;
            talks: number;
            organizationalHandling: boolean;
            problemCount: number;
            openProblemCount: number;
            measureCount: number;
            /** @description 已销项（经核验）的措施数 */
            measuresDone: number;
            /** @description 已报告完成、待乡镇党委核验的措施数 */
            measuresReported: number;
            satisfactionRate: number | null;
            nextDueAt: string | null;
            stageEnteredAt: string;
            delistedAt: string | null;
            createdAt: string;
            updatedAt: string;
            /** @description 已投影的时间线序号 */
            seq: number;
        };
        CaseListView: {
            items: components["schemas"]["CaseSummaryView"][];
            total: number;
            page: number;
            pageSize: number;
        };
        PlanWarningView: {
            /**
             * @description vague_measure: 措施空泛；similar_plan: 与本批次其他组织的方案高度相似；no_root_cause: 问题未写明根源
             * @enum {string}
             */
            kind: "vague_measure" | "similar_plan" | "no_root_cause";
            /** @description 提示（中文） */
            messageZh: string;
            /** @description vague_measure: 措施编号 */
            measureId?: string;
            /** @description vague_measure: 措施内容；no_root_cause: 问题描述 */
            description?: string;
            /** @description no_root_cause: 问题编号 */
            problemId?: string;
            /** @description similar_plan: 相似方案所属整顿对象 */
            caseId?: string;
            /** @description similar_plan: 相似方案所属组织 */
            orgName?: string;
            /** @description similar_plan: 相似度 0–1（字符二元组 Dice 系数） */
            similarity?: number;
        };
        PlanWarningListView: {
            warnings: components["schemas"]["PlanWarningView"][];
        };
        CaseStateView: {
            caseId: string;
            /** @enum {string} */
            stage: "identified" | "assigned" | "planning" | "remediating" | "publicizing" | "preliminary_acceptance" | "county_acceptance" | "delisted" | "follow_up_review" | "archived";
            round: number;
            /** @description Number of timeline entries so far */
            seq: number;
            campaign: {
                [key: string]: unknown;
            };
            org: {
                [key: string]: unknown;
            };
            source: string;
            policy: {
                [key: string]: unknown;
            };
            problems: {
                [key: string]: unknown;
            }[];
            team: {
                [key: string]: unknown;
            }[];
            plan: {
                [key: string]: unknown;
            };
            measures: {
                [key: string]: unknown;
            }[];
            reports: {
                [key: string]: unknown;
            }[];
            deadlines: {
                [key: string]: unknown;
            };
            publicity?: {
                [key: string]: unknown;
            };
            objections: {
                [key: string]: unknown;
            }[];
            satisfaction: {
                [key: string]: unknown;
            };
            acceptances: {
                [key: string]: unknown;
            }[];
            reviews: {
                [key: string]: unknown;
            }[];
            escalation: {
                [key: string]: unknown;
            };
            history: {
                [key: string]: unknown;
            }[];
            /**
             * @description committee：措施须支部报告完成、乡镇党委核验后方可销项（新列入的整顿对象）
             * @enum {string}
             */
            measureVerification?: "committee";
            /** @description 历任支部书记及任职起止（调整书记后） */
            secretaries?: {
                [key: string]: unknown;
            }[];
            createdAt: string;
            updatedAt: string;
        };
        TimelineRowView: {
            seq: number;
            at: string;
            /** @example plan_submitted */
            type: string;
            actorId: string;
            actorName: string;
            actorRole: string;
            summary: string;
        };
        CaseDetailView: {
            /** @description Live state from the workflow */
            case: components["schemas"]["CaseStateView"];
            /** @description Timeline rows from the read model (may lag the live state by a moment) */
            timeline: components["schemas"]["TimelineRowView"][];
            /** @description Actions your role may take in the current stage */
            availableActions: ("assignTeam" | "submitPlan" | "returnPlan" | "approvePlan" | "addMeasures" | "approveMeasures" | "completeMeasure" | "reportMeasureDone" | "verifyMeasure" | "reportProgress" | "submitExplanation" | "startPublicity" | "resolveObjection" | "recordPreliminaryAcceptance" | "recordCountyAcceptance" | "recordFollowUpReview" | "recordTalk" | "declineTalk" | "decideHandling" | "reviewExplanation" | "replaceSecretary" | "setRectificationDeadline" | "recordSupervision")[];
        };
        DashboardSatisfactionView: {
            /** @description 满意 票数 */
            satisfied: number;
            /** @description 基本满意 票数 */
            basicallySatisfied: number;
            /** @description 不满意 票数 */
            dissatisfied: number;
            /** @description 满意率 =（满意 + 基本满意）/ 全部评价；无评价时为 null */
            rate: number | null;
            /** @description 至少收到一条评价的整顿对象数 */
            ratedCases: number;
            /** @description 满意率低于本批次验收要求（policy.satisfactionThreshold）的已评价整顿对象数 */
            belowThreshold: number;
        };
        DashboardAwaitingView: {
            /** @description 提请约谈待记录的整顿对象数 */
            talk: number;
            /** @description 提请组织处理待决定的整顿对象数 */
            organizational_handling: number;
        };
        DashboardMeasuresView: {
            /** @description 整改措施总数（当前轮次） */
            total: number;
            /** @description 已销项（经乡镇党委核验）的措施数 */
            done: number;
            /** @description 已报告完成、待乡镇党委核验的措施数（未计入已销项） */
            reported: number;
        };
        DashboardSummaryView: {
            /** @description 统计范围内的整顿对象总数 */
            total: number;
            /** @description 各阶段整顿对象数 */
            byStage: {
                [key: string]: number;
            };
            /** @description 各领域整顿对象数 */
            byDomain: {
                [key: string]: number;
            };
            /** @description 各乡镇（党工委）整顿对象数 */
            byTownship: {
                [key: string]: number;
            };
            /** @description 有逾期事项的整顿对象数 */
            overdue: number;
            /** @description 督办等级分布：0 无，1 说明原因，2 约谈，3 组织处理 */
            escalationsByLevel: {
                [key: string]: number;
            };
            /** @description 已销号及以后（已销号、回头看、已归档）的整顿对象数 */
            converted: number;
            /** @description 转化率 = converted / total */
            conversionRate: number | null;
            /** @description 各阶段平均停留天数 */
            averageDaysPerStage: {
                [key: string]: number;
            };
            /** @description 群众满意度测评 */
            satisfaction: components["schemas"]["DashboardSatisfactionView"];
            /** @description 待人作出决定的建议 */
            awaiting: components["schemas"]["DashboardAwaitingView"];
            /** @description 整改措施：已销项（经核验）与已报告待核验 */
            measures: components["schemas"]["DashboardMeasuresView"];
            /** @description 统计时间 */
            generatedAt: string;
        };
        TodoView: {
            /** @enum {string} */
            kind: "plan_owed" | "deadline_to_set" | "plan_to_review" | "measure_due" | "measure_to_verify" | "amendment_owed" | "measures_to_approve" | "report_due" | "explanation_owed" | "explanation_to_review" | "publicity_to_start" | "objection_to_resolve" | "preliminary_acceptance_due" | "county_acceptance_due" | "follow_up_review_due" | "talk_to_hold" | "handling_to_decide";
            /**
             * @description 待办类别（中文）
             * @example 待审批整顿方案
             */
            label: string;
            /**
             * @description 办理它的操作
             * @enum {string}
             */
            action: "assignTeam" | "submitPlan" | "returnPlan" | "approvePlan" | "addMeasures" | "approveMeasures" | "completeMeasure" | "reportMeasureDone" | "verifyMeasure" | "reportProgress" | "submitExplanation" | "startPublicity" | "resolveObjection" | "recordPreliminaryAcceptance" | "recordCountyAcceptance" | "recordFollowUpReview" | "recordTalk" | "declineTalk" | "decideHandling" | "reviewExplanation" | "replaceSecretary" | "setRectificationDeadline" | "recordSupervision";
            /**
             * @description 事项
             * @example 第1版整顿方案待审批
             */
            subject: string;
            /** @description 期限（ISO 8601），政策规定了期限的事项 */
            dueAt?: string;
            /** @description 等待自（ISO 8601），没有期限的事项：方案提交、异议收到、约谈提请之时 */
            since?: string;
            caseId: string;
            /** @example 青山村党支部 */
            orgName: string;
            /** @example 青山镇 */
            township: string;
            /** @enum {string} */
            stage: "identified" | "assigned" | "planning" | "remediating" | "publicizing" | "preliminary_acceptance" | "county_acceptance" | "delisted" | "follow_up_review" | "archived";
        };
        TodoListView: {
            /** @description 有期限的按期限先后，其余按等待时间先后 */
            items: components["schemas"]["TodoView"][];
            /** @description 各类待办数 */
            counts: {
                [key: string]: number;
            };
            /** @description 是否因整顿对象过多只计算了最早到期的一部分 */
            truncated: boolean;
        };
        PublicProblemView: {
            id: string;
            description: string;
            /** @enum {string} */
            status: "open" | "resolved" | "rebounded";
        };
        PublicMeasureView: {
            id: string;
            problemId: string;
            description: string;
            ownerName: string;
            dueAt: string;
            /**
             * @description reported：已报告完成，待乡镇党委核验（尚未销项）
             * @enum {string}
             */
            status: "pending" | "reported" | "done";
            completedAt?: string;
            /** @description 报告完成的时间（待核验时） */
            reportedAt?: string;
        };
        PublicResultView: {
            /** @enum {string} */
            level: "preliminary" | "county";
            at: string;
            passed: boolean;
        };
        PublicAudienceView: {
            /**
             * @description 接受谁的监督：党员群众，企业为党员职工
             * @example 党员群众
             */
            members: string;
            /**
             * @description 谁提出异议、参与测评：群众，企业为职工
             * @example 群众
             */
            people: string;
        };
        PublicNoticeView: {
            caseId: string;
            orgName: string;
            township: string;
            /** @enum {string} */
            stage: "identified" | "assigned" | "planning" | "remediating" | "publicizing" | "preliminary_acceptance" | "county_acceptance" | "delisted" | "follow_up_review" | "archived";
            round: number;
            problems: components["schemas"]["PublicProblemView"][];
            measures: components["schemas"]["PublicMeasureView"][];
            planPublicizedAt: string | null;
            publicity: {
                startedAt?: string;
                endsAt?: string;
            } | null;
            objectionsReceived: number;
            objectionsResolved: number;
            acceptingObjections: boolean;
            acceptingRatings: boolean;
            results: components["schemas"]["PublicResultView"][];
            audience: components["schemas"]["PublicAudienceView"];
        };
        RaiseObjectionDto: {
            /**
             * 异议内容
             * @example 支部换届仍未完成，公示内容与实际不符
             */
            content: string;
            /**
             * 异议编号
             * @description 客户端生成的编号：重复提交只计一次；不填则由服务端生成
             * @example 5b0c2f0e-8d0e-4c7a-9d3e-0e2b3c4d5e6f
             */
            objectionId?: string;
        };
        SignalReceivedView: {
            /** @description 异议或测评的编号 */
            id: string;
            /** @example received */
            status: string;
        };
        RateSatisfactionDto: {
            /**
             * 满意度
             * @description 满意 / 基本满意 / 不满意
             * @enum {string}
             */
            level: "satisfied" | "basically_satisfied" | "dissatisfied";
        };
        ChannelDeliveryView: {
            /** @enum {string} */
            status: "delivered" | "failed" | "dead";
            attempts: number;
            deliveredAt?: string;
            lastAttemptAt: string;
            lastError?: string;
        };
        DeadLetterView: {
            /** @description 通知键（每个事件唯一，即投递的幂等键） */
            key: string;
            caseId: string;
            kind: Record<string, never>;
            title: string;
            recipients: Record<string, never>[];
            /** @description 已尝试投递的轮数 */
            attempts: number;
            lastError?: Record<string, never> | null;
            eventAt: string;
            /** @description 进入死信的时间 */
            deadAt: string;
            /** @description 各渠道的投递情况 */
            channels: {
                [key: string]: components["schemas"]["ChannelDeliveryView"];
            };
        };
        DeadLetterListView: {
            items: components["schemas"]["DeadLetterView"][];
        };
        RetryDeadLetterView: {
            key: string;
            /** @enum {string} */
            status: "pending";
        };
        PersonContactDto: {
            /**
             * @description 整顿对象中的人员编号（支部书记、包抓责任人）
             * @example sec-410323-001
             */
            personId: string;
            /** @example 王建国 */
            name?: string;
            /**
             * @description 接收整顿工作提醒的邮箱
             * @example wangjianguo@county.gov.cn
             */
            email?: string;
            /** @example +86 138 0000 0000 */
            phone?: string;
        };
        RoleContactDto: {
            /**
             * @example township_committee
             * @enum {string}
             */
            role: "county_department" | "township_committee" | "assigned_leader" | "branch_secretary" | "auditor";
            /**
             * @description 范围，如“示范县青山镇”或“示范县全县”
             * @example 示范县青山镇
             */
            scope: string;
            /** @example qingshan-dangwei@county.gov.cn */
            email: string;
        };
        SaveContactsDto: {
            persons?: components["schemas"]["PersonContactDto"][];
            roles?: components["schemas"]["RoleContactDto"][];
        };
        SaveContactsView: {
            /** @description 保存（新增或更新）的联系方式条数 */
            saved: number;
        };
        RobotView: {
            /** @enum {string} */
            provider: "dingtalk" | "wecom";
            /** @example 钉钉机器人 */
            label: string;
            /**
             * @description Webhook 地址，令牌只显示末四位
             * @example https://oapi.dingtalk.com/robot/send?access_token=****abcd
             */
            webhookUrl: string;
            /** @description 是否已设加签密钥（密钥本身不返回） */
            hasSecret: boolean;
            updatedBy: string;
            updatedAt: string;
        };
        RobotsView: {
            /** @description 平台网址（未设置机器人时为空） */
            siteUrl: string | null;
            robots: components["schemas"]["RobotView"][];
        };
        DingTalkRobotDto: {
            /**
             * 钉钉机器人 Webhook 地址
             * @example https://oapi.dingtalk.com/robot/send?access_token=xxxx
             */
            webhookUrl: string;
            /**
             * 钉钉机器人加签密钥
             * @description 以 SEC 开头；不填则保留已保存的密钥，填 null 则取消加签。保存后不再返回。
             */
            secret?: string | null;
        };
        WeComRobotDto: {
            /**
             * 企业微信机器人 Webhook 地址
             * @example https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=xxxx
             */
            webhookUrl: string;
        };
        SaveRobotsDto: {
            /**
             * 平台网址
             * @description 机器人消息中链接指向的本平台地址
             * @example https://zhengdun.county.gov.cn
             */
            siteUrl: string;
            /** 钉钉机器人 */
            dingtalk?: components["schemas"]["DingTalkRobotDto"];
            /** 企业微信机器人 */
            wecom?: components["schemas"]["WeComRobotDto"];
            /** 要删除的机器人 */
            remove?: ("dingtalk" | "wecom")[];
        };
        InboxItemView: {
            /** @description 通知键（每条通知唯一） */
            key: string;
            /** @description 整顿对象编号；整顿批次的通知为 campaign:<批次编号> */
            caseId: string;
            /** @description 通知类别 */
            kind: Record<string, never>;
            /**
             * @description 通知类别（中文）
             * @example 到期提醒
             */
            kindLabel: string;
            title: string;
            body: string;
            /** @description 党组织名称（整顿批次的通知为空） */
            orgName: string | null;
            /**
             * @description 页面内链接：整顿对象页，或整顿批次
             * @example /cases/case%3Ac1%3Aorg001
             */
            link: string;
            /** @description 系统发出通知的时间 */
            sentAt: string;
            /** @description 是否已读 */
            read: boolean;
            readAt: string | null;
        };
        InboxView: {
            items: components["schemas"]["InboxItemView"][];
            /** @description 我的通知总数 */
            total: number;
            /** @description 未读条数 */
            unread: number;
            page: number;
            pageSize: number;
        };
        MarkReadDto: {
            /**
             * 要标为已读的通知
             * @description 通知键；与 all 二选一
             */
            keys?: string[];
            /**
             * 全部标为已读
             * @description true：我的全部通知标为已读；与 keys 二选一
             */
            all?: boolean;
        };
        MarkReadView: {
            /** @description 本次新标为已读的条数 */
            marked: number;
            /** @description 仍未读的条数 */
            unread: number;
        };
        /** 整改措施 */
        MeasureDraft: {
            /**
             * 对应问题
             * @example p1
             */
            problemId: string;
            /**
             * 整改措施
             * @example 每月召开党员大会，落实“三会一课”并建立台账
             */
            description: string;
            /**
             * 责任人编号
             * @example sec-410323-001
             */
            ownerId: string;
            /**
             * 责任人
             * @example 王建国
             */
            ownerName: string;
            /**
             * 完成时限
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            dueAt: string;
        };
        /** 包抓责任人 */
        TeamMember: {
            /**
             * 包抓角色
             * @description 四个一等，须适用于该组织的领域
             * @enum {string}
             */
            teamRole: "county_leader" | "township_leader" | "first_secretary" | "paired_agency" | "designated_cadre" | "supervising_committee" | "party_building_instructor" | "linked_leader" | "responsible_leader";
            /**
             * 人员编号
             * @example lead-county
             */
            personId: string;
            /** 姓名 */
            name: string;
            /**
             * 职务或单位
             * @example 县委常委、组织部部长
             */
            title?: string;
            /**
             * 是否乡镇党委书记
             * @description 重点村、难点村的包村乡镇领导须为乡镇党委书记
             */
            isTownshipPartySecretary?: boolean;
            /**
             * 选派单位
             * @description 非公企业的联系领导、党建指导员须注明选派单位
             * @example 县市场监督管理局
             */
            appointingUnit?: string;
        };
        /** 问题 */
        ProblemInput: {
            /**
             * 问题类别
             * @enum {string}
             */
            category: "responsibility_not_carried_out" | "not_a_bastion" | "study_on_paper_only" | "reelection_overdue" | "lax_inner_party_life" | "lax_member_management" | "irregular_dues" | "poor_new_member_quality" | "weak_inner_party_supervision" | "anti_corruption_duty_lapsed" | "work_style_unchanged" | "members_not_exemplary" | "party_work_not_integrated" | "cadre_criminal_record" | "village_bully_or_crime_links" | "criminal_or_religious_interference" | "petitions_and_conflicts" | "secretary_incompetent" | "leadership_incomplete" | "irregular_organizational_life" | "two_skins" | "joint_branch_nominal" | "activities_infrequent" | "weak_coverage" | "other";
            /**
             * 问题描述
             * @example “三会一课”不经常，组织生活流于形式
             */
            description: string;
        };
        /** 验收检查 */
        AcceptanceChecks: {
            /** 台账（措施是否扎实具体） */
            ledger: boolean;
            /** 方案（是否严格落实） */
            plan: boolean;
            /** 成效（群众是否知晓满意） */
            results: boolean;
        };
        /** 回头看检查 */
        ReviewChecks: {
            /** 整改措施落实 */
            measuresCarriedOut: boolean;
            /** 长效机制运行 */
            mechanismsWorking: boolean;
            /** 承诺实事兑现 */
            promisesDelivered: boolean;
            /** 不合格党员处置 */
            unqualifiedMembersHandled: boolean;
            /**
             * 限期整改问题整改到位
             * @description 整顿中曾限期整改的（验收未通过、异议属实、督导发现），须回答
             */
            deadlineProblemsSolved?: boolean;
        };
        /**
         * 满意度测评（旧）
         * @description 2026年12月前开始的整顿对象使用：与群众在线评价合并计算；此后请录入“测评”
         */
        Survey: {
            /** 参加测评人数 */
            respondents: number;
            /** 满意（含基本满意）人数 */
            satisfied: number;
        };
        /**
         * 测评
         * @description 验收时在党员和群众（职工）代表中组织的满意度与知晓率测评；县级验收以此判定，群众在线评价仅供参考
         */
        Assessment: {
            /**
             * 测评日期
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            heldAt: string;
            /**
             * 参加人员
             * @example 党员、村民代表
             */
            participants: string;
            /** 参加测评人数 */
            respondents: number;
            /** 满意 */
            satisfied: number;
            /** 基本满意 */
            basicallySatisfied: number;
            /** 不满意 */
            dissatisfied: number;
            /** 知晓整顿情况人数 */
            aware: number;
        };
        AssignTeamRequest: {
            /** 包抓责任人 */
            members: components["schemas"]["TeamMember"][];
        };
        SubmitPlanRequest: {
            /**
             * 整改措施
             * @description 每个问题至少一条措施，明确责任人和时限
             */
            measures: components["schemas"]["MeasureDraft"][];
            /**
             * 问题根源
             * @description 深挖问题根源：每个问题为什么出现。未写的问题保留上一版方案的分析
             */
            rootCauses?: {
                /**
                 * 对应问题
                 * @example p1
                 */
                problemId: string;
                /**
                 * 问题根源
                 * @example 支委会分工不明确，党员大会长期由书记一人召集
                 */
                cause: string;
            }[];
        };
        ReturnPlanRequest: {
            /**
             * 退回理由
             * @example [
             *       "措施不够具体，缺少时间节点"
             *     ]
             */
            reasons: string[];
        };
        ApprovePlanRequest: {
            /**
             * 审批意见
             * @example 同意按此方案实施
             */
            comment?: string;
        };
        AddMeasuresRequest: {
            /**
             * 整改措施
             * @description 每个问题至少一条措施，明确责任人和时限
             */
            measures: components["schemas"]["MeasureDraft"][];
        };
        ApproveMeasuresRequest: {
            /**
             * 审批意见
             * @example 同意补充措施，限期落实
             */
            comment: string;
        };
        CompleteMeasureRequest: {
            /**
             * 整改措施
             * @example m1
             */
            measureId: string;
            /**
             * 整改成效说明
             * @example 已召开党员大会通报整改情况，台账附后
             */
            evidence: string;
        };
        ReportMeasureDoneRequest: {
            /**
             * 整改措施
             * @example m1
             */
            measureId: string;
            /**
             * 整改成效说明
             * @example 已召开党员大会通报整改情况，台账附后
             */
            evidence: string;
        };
        VerifyMeasureRequest: {
            /**
             * 整改措施
             * @example m1
             */
            measureId: string;
            /** 核验通过 */
            accepted: boolean;
            /**
             * 核验意见
             * @example 经实地查看，党员大会记录和台账齐全
             */
            comment: string;
            /**
             * 新的完成时限
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            newDueAt?: string;
        };
        ReportProgressRequest: {
            /**
             * 进展情况
             * @example 本月召开党员大会1次，化解矛盾2件
             */
            summary: string;
        };
        SubmitExplanationRequest: {
            /**
             * 逾期事项
             * @description 被要求说明原因的事项（见 escalation.records）
             * @example plan:r1
             */
            dueItemKey: string;
            /**
             * 情况说明
             * @example 书记住院两周，已安排副书记代为推进
             */
            explanation: string;
        };
        StartPublicityRequest: Record<string, never>;
        ResolveObjectionRequest: {
            /** 异议 */
            objectionId: string;
            /**
             * 核实结论
             * @description upheld 属实（退回整改）/ dismissed 不成立
             * @enum {string}
             */
            decision: "upheld" | "dismissed";
            /**
             * 核实情况
             * @example 经核实，换届确未完成
             */
            reason: string;
            /**
             * 异议涉及的问题
             * @description 异议属实时指出涉及的已有问题，或新增问题：该问题重新整改（限期整改）
             */
            problemId?: string;
            /**
             * 异议反映的新问题
             * @description 异议属实且反映的是方案未列的问题时填写，作为新问题限期整改
             */
            newProblem?: components["schemas"]["ProblemInput"];
        };
        RecordPreliminaryAcceptanceRequest: {
            checks: components["schemas"]["AcceptanceChecks"];
            /**
             * 初验意见
             * @example 台账完整，措施落实
             */
            opinion: string;
            assessment?: components["schemas"]["Assessment"];
            /**
             * 未整改到位的问题
             * @description 未通过时必填：逐个指出未整改到位的问题及原因，这些问题重新整改（限期整改）
             */
            unresolvedProblems?: {
                /** 问题 */
                problemId: string;
                /** 未整改到位的原因 */
                reason: string;
            }[];
        };
        RecordCountyAcceptanceRequest: {
            checks: components["schemas"]["AcceptanceChecks"];
            /**
             * 验收意见
             * @example 同意销号
             */
            opinion: string;
            assessment?: components["schemas"]["Assessment"];
            survey?: components["schemas"]["Survey"];
            /**
             * 未整改到位的问题
             * @description 未通过时必填：逐个指出未整改到位的问题及原因，这些问题重新整改（限期整改）
             */
            unresolvedProblems?: {
                /** 问题 */
                problemId: string;
                /** 未整改到位的原因 */
                reason: string;
            }[];
        };
        RecordFollowUpReviewRequest: {
            checks: components["schemas"]["ReviewChecks"];
            /**
             * 回头看检查情况
             * @description 逐项写明检查情况；不合格的项必须写明
             */
            findings?: {
                /**
                 * 整改措施落实情况
                 * @example “三会一课”按月召开，记录齐全
                 */
                measuresCarriedOut?: string;
                /**
                 * 长效机制运行情况
                 * @example “三会一课”按月召开，记录齐全
                 */
                mechanismsWorking?: string;
                /**
                 * 承诺实事兑现情况
                 * @example “三会一课”按月召开，记录齐全
                 */
                promisesDelivered?: string;
                /**
                 * 不合格党员处置情况
                 * @example “三会一课”按月召开，记录齐全
                 */
                unqualifiedMembersHandled?: string;
                /**
                 * 限期整改问题整改到位情况
                 * @example “三会一课”按月召开，记录齐全
                 */
                deadlineProblemsSolved?: string;
            };
            /**
             * 回头看意见
             * @example 未发现反弹
             */
            opinion: string;
            /**
             * 反弹的问题
             * @description 旧问题反弹
             */
            reboundedProblemIds: string[];
            /** 新发现的问题 */
            newProblems: components["schemas"]["ProblemInput"][];
            /**
             * 转入的下一轮整顿批次
             * @description 滚动整顿：发现问题时转入的下一轮整顿批次（本县）
             * @example c1a2b3c4d5e6
             */
            nextCampaignId?: string | null;
        };
        RecordTalkRequest: {
            /**
             * 约谈建议
             * @example proposal-1
             */
            proposalId: string;
            /**
             * 约谈时间
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            heldAt: string;
            /**
             * 约谈对象
             * @description branch_secretary 支部书记 / secretary_above 上级党组织书记（建议中列明的人员）
             */
            talkedTo: ("branch_secretary" | "secretary_above")[];
            /**
             * 约谈记录
             * @example 指出整改措施逾期未完成的问题，要求一周内完成并报告
             */
            record: string;
        };
        DeclineTalkRequest: {
            /**
             * 约谈建议
             * @example proposal-1
             */
            proposalId: string;
            /**
             * 理由
             * @example 逾期系因汛期抢险，已书面说明并经党委认可
             */
            reason: string;
        };
        DecideHandlingRequest: {
            /**
             * 组织处理建议
             * @example proposal-1
             */
            proposalId: string;
            /**
             * 处理决定
             * @description adjust_secretary 调整支部书记 / admonishment 诫勉谈话 / circulated_criticism 通报批评 / no_action 不予处理
             * @enum {string}
             */
            decision: "adjust_secretary" | "admonishment" | "circulated_criticism" | "no_action";
            /**
             * 决定依据或理由
             * @example 累计约谈两次仍未整改到位，经部务会研究决定
             */
            reason: string;
        };
        ReviewExplanationRequest: {
            /**
             * 逾期事项
             * @example lapse-1
             */
            lapseId: string;
            /** 是否认可 */
            accepted: boolean;
            /**
             * 新的完成时限
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            newDueAt?: string;
            /**
             * 审核意见
             * @example 情况属实，同意延期两周
             */
            comment: string;
        };
        ReplaceSecretaryRequest: {
            /**
             * 新任书记人员编号
             * @example sec-410323-002
             */
            personId: string;
            /**
             * 新任书记姓名
             * @example 李选派
             */
            name: string;
            /**
             * 选派单位
             * @description 从县乡机关选派的，填写派出单位；本村（单位）产生的不填
             * @example 县农业农村局
             */
            sentFrom?: string;
            /**
             * 任职日期
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            effectiveAt: string;
            /**
             * 调整原因
             * @example 原书记不胜任，经组织处理决定予以调整
             */
            reason: string;
        };
        SetRectificationDeadlineRequest: {
            /**
             * 整改期限
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            dueAt: string;
            /**
             * 理由
             * @example 回头看发现问题反弹，本轮整顿已截止，限期三个月整改到位
             */
            reason: string;
        };
        RecordSupervisionRequest: {
            /**
             * 督查方式
             * @description unannounced 四不两直 / covert 暗访 / spot_check 抽查 / routine 常规督导
             * @enum {string}
             */
            kind: "unannounced" | "covert" | "spot_check" | "routine";
            /**
             * 督查日期
             * Format: date-time
             * @description ISO 8601，如 2026-09-30T00:00:00+08:00
             */
            visitedAt: string;
            /**
             * 督查人员
             * @example 县委组织部组织科 张科长、李干事
             */
            visitors: string;
            /**
             * 发现的情况
             * @example “三会一课”记录与实际不符，党员活动室被占用
             */
            findings: string;
            /**
             * 发现的新问题
             * @description 整顿实施阶段督查发现的方案未列问题：列入本轮整顿，支部补充措施（限期整改）
             */
            newProblem?: components["schemas"]["ProblemInput"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    DevTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevTokenListView"];
                };
            };
        };
    };
    DevTokensController_mint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevTokenRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevTokenView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description 上一页最后一条记录的编号：从它之前（更早）的记录接着列出 */
                before?: string;
                /** @description 每页条数 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPageView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyView"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CampaignsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignListView"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CampaignsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CampaignsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CampaignsController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignStatusView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CampaignsController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignProgressView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ScreeningController_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 摸排名单模板.xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ScreeningController_upload: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ScreeningUploadBody"];
            };
        };
        responses: {
            /** @description 已受理：有误的行及导入批次编号；列入进度见 GET …/screening-imports/:importId */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreeningUploadView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ScreeningController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportProgressView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LedgerController_export: {
        parameters: {
            query?: {
                /** @description 整顿批次 */
                campaignId?: string;
                /** @description 乡镇党委用户始终为本乡镇 */
                township?: string;
                domain?: "rural" | "state_owned_enterprise" | "non_public_enterprise" | "community" | "agency" | "school" | "hospital" | "social_organization";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 台账 .xlsx；X-Ledger-Cases 为其中的整顿对象数 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NoticesController_ranking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TownshipRankingView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NoticesController_committeeAccountability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeAccountabilityView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NoticesController_decideCommittee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideCommitteeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeAccountabilityView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NoticesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeListView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NoticesController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueNoticeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NoticesController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SpotChecksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheckListView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SpotChecksController_draw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DrawSpotCheckDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheckView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SpotChecksController_recordResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
                spotCheckId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordSpotCheckResultDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheckView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HolidayCalendarController_holidays: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolidayCalendarView"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HolidayCalendarController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveHolidayArrangementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolidayCalendarView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedCaseView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_openMany: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCasesBatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResultView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                /** @description 整顿批次 */
                campaignId?: string;
                stage?: "identified" | "assigned" | "planning" | "remediating" | "publicizing" | "preliminary_acceptance" | "county_acceptance" | "delisted" | "follow_up_review" | "archived";
                domain?: "rural" | "state_owned_enterprise" | "non_public_enterprise" | "community" | "agency" | "school" | "hospital" | "social_organization";
                township?: string;
                /** @description 有逾期事项 */
                overdue?: boolean;
                /** @description 0 无，1 说明原因，2 约谈，3 组织处理 */
                escalationLevel?: 0 | 1 | 2 | 3;
                /** @description 涉及此人的整顿对象（支部书记、包抓责任人、措施责任人） */
                personId?: string;
                /** @description 有待处理的建议：talk 提请约谈待记录，organizational_handling 提请组织处理待决定 */
                awaiting?: "talk" | "organizational_handling";
                /** @description 页码；(page - 1) × pageSize 须小于 10000（更深请用筛选条件） */
                page?: number;
                pageSize?: number;
                sort?: "updatedAt" | "createdAt" | "stageEnteredAt" | "nextDueAt" | "orgName" | "escalationLevel" | "stage";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_planWarnings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanWarningListView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_spotChecks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheckListView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    assignTeam: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignTeamRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    submitPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitPlanRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    returnPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnPlanRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    approvePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApprovePlanRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    addMeasures: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMeasuresRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    approveMeasures: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveMeasuresRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    completeMeasure: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteMeasureRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reportMeasureDone: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportMeasureDoneRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    verifyMeasure: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyMeasureRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reportProgress: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportProgressRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    submitExplanation: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitExplanationRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startPublicity: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartPublicityRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    resolveObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveObjectionRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    recordPreliminaryAcceptance: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPreliminaryAcceptanceRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    recordCountyAcceptance: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCountyAcceptanceRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    recordFollowUpReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFollowUpReviewRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    recordTalk: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTalkRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    declineTalk: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineTalkRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    decideHandling: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideHandlingRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    reviewExplanation: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewExplanationRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    replaceSecretary: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceSecretaryRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    setRectificationDeadline: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRectificationDeadlineRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    recordSupervision: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordSupervisionRequest"];
            };
        };
        responses: {
            /** @description The case after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DashboardController_summary: {
        parameters: {
            query?: {
                /** @description 只统计该整顿批次 */
                campaignId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSummaryView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TodosController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoListView"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PublicCasesController_notice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicNoticeView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求过于频繁 (rate limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PublicCasesController_raiseObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseObjectionDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalReceivedView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求过于频繁 (rate limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PublicCasesController_rateSatisfaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。 */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateSatisfactionDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalReceivedView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求过于频繁 (rate limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Both answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_deadLetters: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterListView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryDeadLetterView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未找到 (unknown case or campaign) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveContactsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaveContactsView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_robots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotsView"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_saveRobots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveRobotsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotsView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 无权进行此操作 (role or scope does not allow it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                /** @description 页码；(page - 1) × pageSize 须小于 10000 */
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkReadView"];
                };
            };
            /** @description 请求内容有误 (invalid body, query or path parameter; names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 未登录或登录已失效 (missing or invalid bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description 请求内容过大 (body over 256 KB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
