import type { ThemeConfig } from 'antd';

// Sober government palette: 中国红 (deep) for primary actions, navy for structure.
export const BRAND_RED = '#9b1c1c';
export const BRAND_NAVY = '#1f2d4d';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: '#1d4e89',
    colorInfo: '#1d4e89',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f0f2f5',
    // Info notices stay light: the derived tint of the navy link colour is too heavy for a background.
    colorInfoBg: '#f0f5fb',
    colorInfoBorder: '#c5d5ea',
  },
  components: {
    Layout: { headerBg: BRAND_RED, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', triggerBg: '#f5f5f5', triggerColor: BRAND_NAVY },
    Menu: { itemSelectedBg: '#fbeaea', itemSelectedColor: BRAND_RED },
    Table: { headerBg: '#eef1f6', headerColor: BRAND_NAVY, rowHoverBg: '#fdf5f5' },
    Tree: { nodeSelectedBg: '#fbeaea', indentSize: 18 },
    Card: { headerBg: '#fafbfc' },
  },
};
