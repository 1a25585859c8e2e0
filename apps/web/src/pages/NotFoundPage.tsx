import { Link } from 'react-router-dom';
import { Result } from 'antd';

export default function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="请检查地址是否正确。" extra={<Link to="/">返回首页</Link>} />;
}
