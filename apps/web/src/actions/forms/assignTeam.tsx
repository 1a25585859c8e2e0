/** 落实包抓责任人: one row per team role the organization's domain requires, filled with whoever holds it now. */
import { Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import { APPOINTED_BY, NEEDS_APPOINTING_UNIT, TEAM_ROLE_LABELS, USER_ROLE_LABELS, requiredTeamRoles, teamMember, type TeamRole } from '@zhengdun/domain';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField } from '../schema-fields';

interface MemberRow {
  teamRole: TeamRole;
  personId?: string;
  name?: string;
  title?: string;
  isTownshipPartySecretary?: boolean;
  appointingUnit?: string;
  /** Whether the signed-in user's body names this role; other rows are shown, not sent. */
  appointable: boolean;
}

interface Values {
  members: MemberRow[];
}

const MEMBER = {
  name: describeField(teamMember, 'name'),
  personId: describeField(teamMember, 'personId'),
  title: describeField(teamMember, 'title'),
  isTownshipPartySecretary: describeField(teamMember, 'isTownshipPartySecretary'),
  appointingUnit: describeField(teamMember, 'appointingUnit'),
};

const appointedByText = (teamRole: TeamRole) => APPOINTED_BY[teamRole].map((role) => USER_ROLE_LABELS[role]).join('或');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        {state.org.domain === 'rural' ? '农村党组织须落实“四个一”：联村县级领导、包村乡镇领导、驻村第一书记、结对帮扶单位。' : '按领域落实包抓责任人。'}
        {state.org.isKeyVillage && '本村为重点村、难点村，包村乡镇领导须由乡镇党委书记担任。'}
      </Typography.Paragraph>
      <Form.List name="members">
        {(fields) =>
          fields.map((field) => (
            <Form.Item key={field.key} noStyle shouldUpdate>
              {(form) => {
                const teamRole = form.getFieldValue(['members', field.name, 'teamRole']) as TeamRole;
                const appointable = form.getFieldValue(['members', field.name, 'appointable']) as boolean;
                return (
                  <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 12px 0', marginBottom: 8 }}>
                    <Typography.Text strong>{TEAM_ROLE_LABELS[teamRole]}</Typography.Text>
                    {!appointable && <Typography.Text type="secondary">（由{appointedByText(teamRole)}选派）</Typography.Text>}
                    <Row gutter={8} style={{ marginTop: 6 }}>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[field.name, 'name']} label={MEMBER.name.label}>
                          <Input disabled={!appointable} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[field.name, 'personId']} label={MEMBER.personId.label}>
                          <Input disabled={!appointable} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[field.name, 'title']} label={MEMBER.title.label}>
                          <Input disabled={!appointable} placeholder={MEMBER.title.placeholder} />
                        </Form.Item>
                      </Col>
                      {NEEDS_APPOINTING_UNIT.includes(teamRole) && (
                        <Col xs={24} sm={8}>
                          <Form.Item name={[field.name, 'appointingUnit']} label={MEMBER.appointingUnit.label}>
                            <Input disabled={!appointable} placeholder={MEMBER.appointingUnit.placeholder} />
                          </Form.Item>
                        </Col>
                      )}
                      {teamRole === 'township_leader' && (
                        <Col span={24}>
                          <Form.Item name={[field.name, 'isTownshipPartySecretary']} valuePropName="checked">
                            <Checkbox disabled={!appointable}>{MEMBER.isTownshipPartySecretary.label}</Checkbox>
                          </Form.Item>
                        </Col>
                      )}
                    </Row>
                  </div>
                );
              }}
            </Form.Item>
          ))
        }
      </Form.List>
    </>
  );
}

export const assignTeamForm: ActionForm<'assignTeam', Values> = {
  wide: true,
  initialValues: (state, user) => ({
    members: requiredTeamRoles(state.org.domain).map((teamRole) => {
      const existing = state.team.find((member) => member.teamRole === teamRole);
      return { ...(existing ?? { teamRole }), appointable: APPOINTED_BY[teamRole].includes(user.role) };
    }),
  }),
  Fields,
  // A role left empty, or named by another body, is not sent: the API says what is still missing.
  body: (values) => ({
    members: values.members
      .filter((row) => row.appointable && (row.personId ?? '').trim() && (row.name ?? '').trim())
      .map((row) => ({
        teamRole: row.teamRole,
        personId: (row.personId ?? '').trim(),
        name: (row.name ?? '').trim(),
        ...(row.title?.trim() ? { title: row.title.trim() } : {}),
        ...(row.teamRole === 'township_leader' ? { isTownshipPartySecretary: !!row.isTownshipPartySecretary } : {}),
        ...(row.appointingUnit?.trim() ? { appointingUnit: row.appointingUnit.trim() } : {}),
      })),
  }),
};
