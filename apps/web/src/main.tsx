import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { createQueryClient } from './api/queries';
import { SessionProvider } from './auth/session';

dayjs.locale('zh-cn');

const queryClient = createQueryClient();

const theme = {
  token: {
    colorPrimary: '#b7202e',
    colorLink: '#1f5fbf',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#a3161f', siderBg: '#ffffff', bodyBg: '#f5f6f8' },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={theme}>
        <AntApp>
          <SessionProvider>
            <App />
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  </StrictMode>,
);
