import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}
